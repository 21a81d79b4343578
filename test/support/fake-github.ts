import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { processesNaming, serveGitHttp } from './fake-github-git';
import { variableErrors } from './fake-github-graphql';

export interface FakeRepo {
  owner: string;
  name: string;
  /** a real git repository on disk (see GitRepoBuilder); its HEAD is what the API serves */
  dir?: string;
  topics?: string[];
  /** overrides the push date taken from the last commit */
  pushedAt?: string;
  /** package URLs the dependency graph lists; absent: the graph is not enabled (404) */
  sbomPurls?: string[];
}

export interface FakeInstallation {
  app_slug: string;
  id: number;
}

export interface FakeSeat {
  login: string;
  last_activity_at?: string;
  last_activity_editor?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** owner/name a GraphQL request asked about */
  repo?: string;
}

const ORG_TYPE = 'Organization';

/**
 * A local GitHub REST (and a sliver of GraphQL) server for tests: realistic payloads read from real
 * git repositories, Link pagination, rate-limit headers, ETag/304, a one-off secondary rate limit,
 * permission failures, and a log of every request.
 */
export class FakeGitHub {
  /** API requests (REST and GraphQL) */
  readonly requests: RecordedRequest[] = [];
  /** git smart-HTTP requests (clones): git transfers, not API requests, as on GitHub */
  readonly gitRequests: RecordedRequest[] = [];
  /** command lines that held the token while a clone was running (checked on each git request) */
  readonly tokenInProcessList: string[] = [];
  /** repositories (owner/name) whose git endpoint answers 500, as during an outage */
  readonly gitBroken = new Set<string>();
  readonly repos: FakeRepo[] = [];
  readonly orgs = new Set<string>();
  readonly installations = new Map<string, FakeInstallation[]>();
  readonly seats = new Map<string, FakeSeat[]>();
  readonly properties = new Map<string, Record<string, string>>();
  /** path prefixes answered 403 "Resource not accessible by integration", with the permission named */
  readonly denied = new Map<string, string>();
  /** path prefix whose next request gets a 403 secondary rate limit with Retry-After */
  secondaryLimitOnce?: string;
  pageSize = 100;
  token?: string;
  private server?: Server;
  private remaining = 5000;

  get url(): string {
    const addr = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${addr.port}`;
  }

  addRepo(repo: FakeRepo): this {
    this.repos.push(repo);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const git = (req.url ?? '').match(/^\/git\/([^/]+)\/([^/]+)\.git\/([^?]*)/);
      if (git) return this.gitRoute(req, res, git[1], git[2], git[3]);
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        try {
          this.handle(req, res, body);
        } catch (err) {
          this.send(req, res, 500, { message: (err as Error).message });
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** REST and GraphQL requests about one repository */
  countForRepo(fullName: string): number {
    return this.requests.filter(
      (r) => r.repo === fullName || r.path.startsWith(`/repos/${fullName}/`),
    ).length;
  }

  /** requests whose path starts with the prefix (query string ignored) */
  count(prefix = '/'): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  reset(): void {
    this.requests.length = 0;
    this.gitRequests.length = 0;
  }

  /** the clone URL the repository payload names */
  cloneUrl(owner: string, name: string): string {
    return `${this.url}/git/${owner}/${name}.git`;
  }

  /** git over HTTPS: GitHub takes the token as the Basic password (any user name) */
  private gitRoute(
    req: IncomingMessage,
    res: ServerResponse,
    owner: string,
    name: string,
    rest: string,
  ): void {
    const record = (status: number) =>
      this.gitRequests.push({
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://x').pathname,
        status,
        repo: `${owner}/${name}`,
      });
    // the client's git is running now: its argv must not carry the token
    if (this.token) this.tokenInProcessList.push(...processesNaming(this.token));
    const auth = req.headers.authorization ?? '';
    const password = /^basic /i.test(auth)
      ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':').slice(1).join(':')
      : undefined;
    if (this.token && password !== this.token) {
      record(401);
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' }).end();
      return;
    }
    const repo = this.repos.find((r) => r.owner === owner && r.name === name);
    if (!repo?.dir || this.gitBroken.has(`${owner}/${name}`)) {
      const status = repo?.dir ? 500 : 404;
      record(status);
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 404 ? 'Repository not found.\n' : 'Internal Server Error\n');
      return;
    }
    serveGitHttp(req, res, repo.dir, rest, record);
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const repo = (req as IncomingMessage & { graphqlRepo?: string }).graphqlRepo;
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      status,
      ...(repo ? { repo } : {}),
    });
    const body = payload === undefined ? '' : JSON.stringify(payload);
    if (status !== 304) this.remaining = Math.max(0, this.remaining - 1);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-used': String(5000 - this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': url.pathname === '/graphql' ? 'graphql' : 'core',
      'x-github-api-version-selected': '2022-11-28',
      ...headers,
    });
    res.end(status === 304 ? undefined : body);
  }

  /** JSON with an ETag; 304 when the client already holds it */
  private sendCached(
    req: IncomingMessage,
    res: ServerResponse,
    payload: unknown,
    headers: Record<string, string> = {},
  ): void {
    const etag = `W/"${createHash('sha1').update(JSON.stringify(payload)).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag)
      return this.send(req, res, 304, undefined, { etag, ...headers });
    this.send(req, res, 200, payload, { etag, ...headers });
  }

  private paged(
    req: IncomingMessage,
    res: ServerResponse,
    items: unknown[],
    wrap?: (page: unknown[]) => unknown,
  ): void {
    const url = new URL(req.url ?? '/', this.url);
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const links: string[] = [];
    const at = (p: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    const slice = items.slice((page - 1) * per, page * per);
    this.sendCached(
      req,
      res,
      wrap ? wrap(slice) : slice,
      links.length ? { link: links.join(', ') } : {},
    );
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (
      this.token &&
      req.headers.authorization !== `token ${this.token}` &&
      req.headers.authorization !== `bearer ${this.token}`
    )
      return this.send(req, res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
    if (this.secondaryLimitOnce && path.startsWith(this.secondaryLimitOnce)) {
      this.secondaryLimitOnce = undefined;
      return this.send(
        req,
        res,
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': '1' },
      );
    }
    for (const [prefix, permission] of this.denied)
      if (path.startsWith(prefix))
        return this.send(
          req,
          res,
          403,
          { message: 'Resource not accessible by integration', status: '403' },
          { 'x-accepted-github-permissions': permission },
        );

    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/graphql') return this.graphql(req, res, body);
    if ((m = path.match(/^\/orgs\/([^/]+)\/repos$/))) {
      if (!this.orgs.has(m[1])) return this.send(req, res, 404, { message: 'Not Found' });
      return this.paged(req, res, this.listRepos(m[1]));
    }
    if ((m = path.match(/^\/users\/([^/]+)\/repos$/)))
      return this.paged(req, res, this.listRepos(m[1]));
    if ((m = path.match(/^\/orgs\/([^/]+)\/installations$/)))
      return this.paged(
        req,
        res,
        (this.installations.get(m[1]) ?? []).map((i) => this.installation(m![1], i)),
        (page) => ({
          total_count: (this.installations.get(m![1]) ?? []).length,
          installations: page,
        }),
      );
    if ((m = path.match(/^\/orgs\/([^/]+)\/copilot\/billing\/seats$/)))
      return this.paged(
        req,
        res,
        (this.seats.get(m[1]) ?? []).map((s) => this.seat(s)),
        (page) => ({
          total_seats: (this.seats.get(m![1]) ?? []).length,
          seats: page,
        }),
      );
    if ((m = path.match(/^\/orgs\/([^/]+)\/properties\/values$/)))
      return this.paged(
        req,
        res,
        this.repos
          .filter((r) => r.owner === m![1])
          .map((r, i) => ({
            repository_id: 1000 + i,
            repository_name: r.name,
            repository_full_name: `${r.owner}/${r.name}`,
            properties: Object.entries(this.properties.get(`${r.owner}/${r.name}`) ?? {}).map(
              ([property_name, value]) => ({ property_name, value }),
            ),
          })),
      );
    if ((m = path.match(/^\/repos\/([^/]+)\/([^/]+)\/(.*)$/))) {
      const repo = this.repos.find((r) => r.owner === m![1] && r.name === m![2]);
      if (!repo) return this.send(req, res, 404, { message: 'Not Found' });
      return this.repoRoute(req, res, repo, m[3], url);
    }
    this.send(req, res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
  }

  private repoRoute(
    req: IncomingMessage,
    res: ServerResponse,
    repo: FakeRepo,
    rest: string,
    url: URL,
  ): void {
    if (!repo.dir || !this.hasCommits(repo))
      return this.send(req, res, 409, { message: 'Git Repository is empty.' });
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^git\/trees\/(.+)$/))) {
      const ref = decodeURIComponent(m[1]);
      const recursive = url.searchParams.has('recursive');
      const out = this.git(repo, [
        'ls-tree',
        ...(recursive ? ['-r', '-t'] : []),
        '-l',
        '-z',
        '--full-tree',
        ref,
      ]);
      const tree = out
        .split('\0')
        .filter(Boolean)
        .map((rec) => {
          const tab = rec.indexOf('\t');
          const [mode, type, sha, size] = rec.slice(0, tab).split(/\s+/);
          const entry: Record<string, unknown> = {
            path: rec.slice(tab + 1),
            mode,
            type,
            sha,
            url: `${this.url}/repos/${repo.owner}/${repo.name}/git/${type}s/${sha}`,
          };
          if (type === 'blob') entry.size = Number(size);
          return entry;
        });
      const sha = this.git(repo, ['rev-parse', `${ref}^{tree}`]).trim();
      return this.sendCached(req, res, {
        sha,
        url: `${this.url}/repos/${repo.owner}/${repo.name}/git/trees/${sha}`,
        tree,
        truncated: false,
      });
    }
    if ((m = rest.match(/^git\/blobs\/([0-9a-f]{40})$/))) {
      const content = execFileSync('git', ['cat-file', 'blob', m[1]], { cwd: repo.dir });
      return this.sendCached(req, res, {
        sha: m[1],
        node_id: 'B_x',
        size: content.length,
        url: `${this.url}/repos/${repo.owner}/${repo.name}/git/blobs/${m[1]}`,
        content: content.toString('base64').replace(/(.{60})/g, '$1\n'),
        encoding: 'base64',
      });
    }
    if (rest === 'dependency-graph/sbom') {
      if (!repo.sbomPurls)
        return this.send(req, res, 404, {
          message: 'Dependency graph is not enabled for this repository.',
        });
      return this.sendCached(req, res, {
        sbom: {
          SPDXID: 'SPDXRef-DOCUMENT',
          spdxVersion: 'SPDX-2.3',
          name: `com.github.${repo.owner}/${repo.name}`,
          creationInfo: {
            created: '2026-11-24T00:00:00Z',
            creators: ['Tool: GitHub.com-Dependency-Graph'],
          },
          packages: repo.sbomPurls.map((purl, i) => ({
            SPDXID: `SPDXRef-pkg-${i}`,
            name: purl.replace(/^pkg:[a-z]+\//, '').replace(/@.*$/, ''),
            versionInfo: purl.split('@')[1] ?? '',
            downloadLocation: 'NOASSERTION',
            externalRefs: [
              {
                referenceCategory: 'PACKAGE-MANAGER',
                referenceType: 'purl',
                referenceLocator: purl,
              },
            ],
          })),
        },
      });
    }
    if (rest === 'commits') {
      const commits = this.commitsOf(
        repo,
        url.searchParams.get('sha') ?? 'HEAD',
        url.searchParams.get('since') ?? undefined,
      );
      return this.paged(req, res, commits);
    }
    this.send(req, res, 404, { message: 'Not Found' });
  }

  private graphql(req: IncomingMessage, res: ServerResponse, body: string): void {
    const { query, variables } = JSON.parse(body) as {
      query: string;
      variables: { owner: string; name: string; since?: string | null; after?: string | null };
    };
    (req as IncomingMessage & { graphqlRepo?: string }).graphqlRepo =
      `${variables.owner}/${variables.name}`;
    const invalid = variableErrors(query);
    if (invalid.length > 0) return this.send(req, res, 200, { errors: invalid });
    const repo = this.repos.find((r) => r.owner === variables.owner && r.name === variables.name);
    if (!repo?.dir)
      return this.send(req, res, 200, {
        data: { repository: null },
        errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }],
      });
    const data: Record<string, unknown> = {};
    if (query.includes('history(')) {
      const all = this.commitsOf(repo, 'HEAD', variables.since ?? undefined);
      const offset = variables.after ? Number(variables.after) : 0;
      const page = all.slice(offset, offset + 100);
      data.defaultBranchRef = {
        target: {
          history: {
            pageInfo: {
              hasNextPage: offset + 100 < all.length,
              endCursor: page.length ? String(offset + page.length) : null,
            },
            nodes: page.map((c) => ({
              oid: c.sha,
              message: c.commit.message,
              author: { ...c.commit.author, user: c.author },
              committer: c.commit.committer,
            })),
          },
        },
      };
    }
    for (const m of query.matchAll(/(\w+): object\(oid: "([0-9a-f]{40})"\)/g)) {
      let content: Buffer;
      try {
        content = execFileSync('git', ['cat-file', 'blob', m[2]], {
          cwd: repo.dir,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        data[m[1]] = null;
        continue;
      }
      const isBinary = content.subarray(0, 8000).includes(0);
      data[m[1]] = {
        text: isBinary || content.length > 512 * 1024 * 2 ? null : content.toString('utf8'),
        isBinary,
        byteSize: content.length,
      };
    }
    this.send(req, res, 200, { data: { repository: data } });
  }

  // GraphQL pages a long history 100 commits at a time; git log runs once per head, not per page
  private readonly commitCache = new Map<string, ReturnType<FakeGitHub['readCommits']>>();

  private commitsOf(repo: FakeRepo, ref: string, since?: string) {
    const key = `${repo.dir}|${this.git(repo, ['rev-parse', ref]).trim()}|${since ?? ''}`;
    let hit = this.commitCache.get(key);
    if (!hit) this.commitCache.set(key, (hit = this.readCommits(repo, ref, since)));
    return hit;
  }

  private readCommits(repo: FakeRepo, ref: string, since?: string) {
    const args = ['log', '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%B%x1e', ref];
    if (since) args.push(`--since=${since}`);
    return this.git(repo, args)
      .split('\x1e')
      .map((s) => s.replace(/^\n/, ''))
      .filter(Boolean)
      .map((rec) => {
        const [sha, an, ae, ad, cn, ce, cd, message] = rec.split('\x1f');
        return {
          sha,
          node_id: 'C_x',
          commit: {
            author: { name: an, email: ae, date: ad },
            committer: { name: cn, email: ce, date: cd },
            message: message.trimEnd(),
            comment_count: 0,
          },
          url: `${this.url}/repos/${repo.owner}/${repo.name}/commits/${sha}`,
          author: this.userFor(ae) as { login: string } | null,
          committer: this.userFor(ce) as { login: string } | null,
          parents: [],
        };
      });
  }

  private listRepos(owner: string): unknown[] {
    return this.repos
      .filter((r) => r.owner === owner)
      .map((r, i) => {
        const empty = !r.dir || !this.hasCommits(r);
        const pushed =
          r.pushedAt ??
          (empty ? '2026-01-01T00:00:00Z' : this.git(r, ['log', '-1', '--format=%cI']).trim());
        return {
          id: 1000 + i,
          node_id: `R_${i}`,
          name: r.name,
          full_name: `${r.owner}/${r.name}`,
          private: true,
          owner: { login: r.owner, id: 1, type: this.orgs.has(owner) ? ORG_TYPE : 'User' },
          html_url: `https://github.example/${r.owner}/${r.name}`,
          clone_url: this.cloneUrl(r.owner, r.name),
          description: null,
          fork: false,
          url: `${this.url}/repos/${r.owner}/${r.name}`,
          created_at: '2025-01-01T00:00:00Z',
          updated_at: pushed,
          pushed_at: pushed,
          size: empty ? 0 : 120,
          default_branch: empty ? null : 'main',
          topics: r.topics ?? [],
          archived: false,
          visibility: 'private',
        };
      })
      .sort((a, b) =>
        a.pushed_at < b.pushed_at
          ? 1
          : a.pushed_at > b.pushed_at
            ? -1
            : a.name.localeCompare(b.name),
      );
  }

  private installation(org: string, i: FakeInstallation): unknown {
    return {
      id: i.id,
      app_id: i.id + 100,
      app_slug: i.app_slug,
      target_type: ORG_TYPE,
      account: { login: org, type: ORG_TYPE },
      repository_selection: 'all',
      permissions: { contents: 'write', pull_requests: 'write' },
      events: ['pull_request'],
      created_at: '2026-01-05T09:00:00Z',
      updated_at: '2026-02-05T09:00:00Z',
    };
  }

  private seat(s: FakeSeat): unknown {
    return {
      created_at: '2026-01-10T09:00:00Z',
      updated_at: '2026-01-10T09:00:00Z',
      pending_cancellation_date: null,
      last_activity_at: s.last_activity_at ?? null,
      last_activity_editor: s.last_activity_editor ?? null,
      plan_type: 'business',
      assignee: { login: s.login, id: 7, type: 'User' },
    };
  }

  private userFor(email: string): unknown {
    const m = email.match(/^\d+\+(.+)@users\.noreply\.github\.com$/i);
    return m ? { login: m[1], id: 1, type: m[1].endsWith('[bot]') ? 'Bot' : 'User' } : null;
  }

  private hasCommits(repo: FakeRepo): boolean {
    try {
      this.git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']);
      return true;
    } catch {
      return false;
    }
  }

  private git(repo: FakeRepo, args: string[]): string {
    return execFileSync('git', args, {
      cwd: repo.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  }
}
