// Repository scanning benchmark. Generates a 5,000-file, 10,000-commit repository with git
// fast-import (AI traces sprinkled in: config files, one added then deleted, trailers, agent
// commits, a workflow, extension recommendations, manifests), times scanLocalRepository against
// plain `git log` / `git grep` runs over the same signals in the same run, then counts the
// API requests a GitHub organisation scan makes, first and unchanged, against the local stand-in,
// with short and long histories read from a blobless clone or through the API.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import { toolPathSamples } from '../src/signals/repos/detect/config-file.detector';
import { scanGithubOwner } from '../src/signals/repos/github/github-owner.scanner';
import { scanLocalRepository } from '../src/signals/repos/local/local-repository.scanner';
import { FakeGitHub } from '../test/support/fake-github';

const FILES = 5_000;
const COMMITS = 10_000;
const ORG_REPOS = 150;

const human = (i: number) => ({ name: `Dev ${i % 40}`, email: `dev${i % 40}@corp.example` });

/** Streams a fast-import script into a fresh repository; returns its folder. */
export async function generateRepo(files: number, commits: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aic-bench-repo-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const chunks: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const inline = (path: string, content: string) => `M 100644 inline ${path}\n${data(content)}`;
  const t0 = 1_700_000_000;
  for (let c = 0; c < commits; c++) {
    const who = human(c);
    let author = `${who.name} <${who.email}>`;
    let message = `Change ${c}: adjust module ${c % 97}`;
    if (c % 50 === 7)
      message +=
        '\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';
    if (c % 80 === 11) message += '\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>';
    if (c % 120 === 13) {
      author = 'Copilot <198982749+Copilot@users.noreply.github.com>';
      message += `\n\nCo-authored-by: ${who.name} <${who.email}>`;
    }
    if (c % 30 === 17) {
      author = 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';
      message = 'Bump lodash from 4.17.20 to 4.17.21';
    }
    if (c % 45 === 5) message = `Fix terminal cursor position in ${c}`;
    const ts = t0 + c * 600;
    chunks.push(
      `commit refs/heads/main\nauthor ${author} ${ts} +0000\ncommitter ${author} ${ts} +0000\n${data(message)}`,
    );
    if (c === 0) {
      for (let f = 0; f < files - 8; f++)
        chunks.push(inline(`src/m${f % 97}/file${f}.ts`, `export const v${f} = ${f};\n`));
      chunks.push(inline('README.md', '# big\n'));
      chunks.push(inline('.gitignore', 'node_modules/\n.aider*\n'));
      chunks.push(
        inline(
          'package.json',
          JSON.stringify({ name: 'big', dependencies: { openai: '^4.52.0', lodash: '^4' } }),
        ),
      );
      chunks.push(
        inline(
          '.vscode/extensions.json',
          '{\n  // picks\n  "recommendations": ["github.copilot", "dbaeumer.vscode-eslint"]\n}\n',
        ),
      );
      chunks.push(
        inline(
          '.github/workflows/review.yml',
          'on: pull_request\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n      - run: curl https://api.openai.com/v1/models\n',
        ),
      );
      chunks.push(inline('CLAUDE.md', '# agent notes\n'));
      chunks.push(inline('.github/copilot-instructions.md', 'be brief\n'));
      chunks.push(inline('services/ml/requirements.txt', 'anthropic==0.34.0\n'));
    } else if (c === Math.floor(commits * 0.3)) chunks.push(inline('.cursorrules', 'rules\n'));
    else if (c === Math.floor(commits * 0.6)) chunks.push('D .cursorrules\n');
    else
      chunks.push(
        inline(`src/m${c % 97}/file${(c * 7) % (files - 8)}.ts`, `export const v = ${c};\n`),
      );
    chunks.push('\n');
    if (chunks.length > 2000) {
      if (!child.stdin.write(chunks.join('')))
        await new Promise((r) => child.stdin.once('drain', r));
      chunks.length = 0;
    }
  }
  child.stdin.end(chunks.join(''));
  await new Promise<void>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)),
    ),
  );
  return dir;
}

function timed<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a person would run by hand for the same signals, with patterns taken from the same catalog. */
function gitBaseline(dir: string, tools: ReturnType<typeof loadBuiltinCatalog>): number {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const literalPaths = tools
    .flatMap((t) => t.rules.paths ?? [])
    .filter((p) => !/[*?[{]/.test(p))
    .map((p) => p.replace(/\/$/, ''));
  const emails = tools.flatMap((t) =>
    (t.rules.commitIdentities ?? []).map((i) => i.email).filter((e): e is string => !!e),
  );
  const markers = tools.flatMap((t) => t.rules.messageMarkers ?? []);
  const hosts = tools.flatMap((t) => t.rules.domains ?? []);
  const exts = tools.flatMap((t) => t.rules.ideExtensions ?? []);
  const [, ms] = timed(() => {
    git(['log', '--format=%H', '-F', ...[...emails, ...markers].flatMap((m) => ['--grep', m])]);
    git(['log', '--format=%H', '-F', ...emails.flatMap((e) => ['--author', e])]);
    git(['log', '--diff-filter=AD', '--name-status', '--format=%H %aI', '--', ...literalPaths]);
    git(['ls-tree', '-r', '--name-only', 'HEAD']);
    for (const [pattern, where] of [
      [hosts.map(escape).join('|'), '.github/workflows'],
      [exts.map(escape).join('|'), '.vscode'],
    ] as const) {
      try {
        git(['grep', '-n', '-i', '-E', pattern, 'HEAD', '--', where]);
      } catch {
        // git grep exits 1 when nothing matches
      }
    }
  });
  return ms;
}

export async function run(): Promise<void> {
  const tools = loadBuiltinCatalog();
  const matcher = CatalogMatcher.fromTools(tools);
  const samples = toolPathSamples(tools.flatMap((t) => t.rules.paths ?? []));

  const [dir, genMs] = await timedAsync(() => generateRepo(FILES, COMMITS));
  try {
    process.stdout.write(
      `generated ${FILES} files, ${COMMITS} commits with git fast-import in ${genMs.toFixed(0)} ms\n`,
    );
    const [scan, scanMs] = await timedAsync(() =>
      scanLocalRepository(dir, { matcher, toolPathSamples: samples }),
    );
    const baselineMs = gitBaseline(dir, tools);
    const [again, incMs] = await timedAsync(() =>
      scanLocalRepository(dir, { matcher, toolPathSamples: samples, sinceCommit: scan.headCommit }),
    );
    const bySignal = new Map<string, number>();
    for (const t of scan.traces) bySignal.set(t.signal, (bySignal.get(t.signal) ?? 0) + 1);
    process.stdout.write(
      [
        `scanLocalRepository (full):       ${scanMs.toFixed(0)} ms — ${scan.traces.length} traces (${[...bySignal].map(([s, n]) => `${s} ${n}`).join(', ')}), ${scan.stats.commits} commits, ${scan.stats.filesRead} files read`,
        `scanLocalRepository (no new commits): ${incMs.toFixed(0)} ms — ${again.stats.commits} commits read`,
        `git log + git grep baseline:      ${baselineMs.toFixed(0)} ms (catalog literals only; no attribution, no parsing)`,
        `ratio scanner / baseline:         ${(scanMs / baselineMs).toFixed(2)}`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // GitHub: organisations whose repositories share one generated history, short and long (10
  // pages of 100 commits through the API), with history from a blobless clone and from the API
  for (const [commits, repos] of [
    [60, ORG_REPOS],
    [1000, 50],
  ]) {
    const shared = await generateRepo(40, commits);
    try {
      for (const history of ['clone', 'api'] as const)
        await benchGithub(shared, commits, repos, history, matcher, samples);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  }
}

async function benchGithub(
  dir: string,
  commits: number,
  repos: number,
  history: 'clone' | 'api',
  matcher: CatalogMatcher,
  samples: string[],
): Promise<void> {
  const gh = await new FakeGitHub().start();
  try {
    gh.orgs.add('bench');
    for (let i = 0; i < repos; i++)
      gh.addRepo({ owner: 'bench', name: `svc-${String(i).padStart(3, '0')}`, dir });
    const [first, firstMs] = await timedAsync(() =>
      scanGithubOwner({
        owner: 'bench',
        matcher,
        baseUrl: gh.url,
        toolPathSamples: samples,
        concurrency: 8,
        history,
      }),
    );
    const clones = new Set(gh.gitRequests.map((r) => r.repo)).size;
    const deleted = first.repositories.every((r) =>
      r.traces.some((t) => t.detail.history === 'deleted'),
    );
    gh.reset();
    const [second, secondMs] = await timedAsync(() =>
      scanGithubOwner({ owner: 'bench', matcher, baseUrl: gh.url, state: first.state, history }),
    );
    const label = `GitHub, ${commits} commits each, history=${history}`;
    process.stdout.write(
      [
        `${label}: first scan of ${repos} repositories: ${first.requests} API requests (${(first.requests / repos).toFixed(2)} per repository), ${clones} blobless clones, history-only files ${deleted ? 'found' : 'missed'}, ${firstMs.toFixed(0)} ms`,
        `${label}: unchanged re-scan: ${second.requests} request(s) for ${Math.ceil(repos / 100)} started hundred(s) of repositories in ${secondMs.toFixed(0)} ms`,
        '',
      ].join('\n'),
    );
  } finally {
    await gh.stop();
  }
}
