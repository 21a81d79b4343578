import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiProcess, startApi, stopProcess, waitFor } from './support/processes';

/**
 * The newcomer's whole path on the embedded default (no DATABASE_URL, no REDIS_URL: PGlite and the
 * in-process runner), over the HTTP API of a real `node dist/main.js`, as a user drives it:
 * directory, network log, survey with answers, correlation, the leaders' baseline. `/health/ready`
 * is polled throughout every long job and must answer 200 promptly every time.
 */

/** A readiness probe slower than this counts as not ready (a load balancer would drop us). */
const PROMPT_MS = 2_000;
/** A user's request that takes longer has hung; fail it rather than the whole test run. */
const REQUEST_MS = 15_000;
const ORG = 'Newcomer Ltd';
const PLATFORM = 'Engineering/Platform';
const DATA = 'Engineering/Data';

// [local part, name, team]; names are distinctive so their absence from leader reports means something
const PEOPLE: [string, string, string][] = [
  ['alice', 'Alice Arkwright', PLATFORM],
  ['bob', 'Bob Brindle', PLATFORM],
  ['carol', 'Carol Cresswell', PLATFORM],
  ['dan', 'Dan Dunmore', PLATFORM],
  ['erin', 'Erin Eastwood', PLATFORM],
  ['fay', 'Fay Fairbrother', PLATFORM],
  ['gus', 'Gus Greenhalgh', DATA],
  ['hana', 'Hana Holloway', DATA],
  ['ivan', 'Ivan Isherwood', DATA],
  ['jo', 'Jo Jellicoe', DATA],
  ['kim', 'Kim Kettleborough', DATA],
  ['lee', 'Lee Loxley', DATA],
];
const emailOf = (local: string) => `${local}@newcomer.example`;
const DIRECTORY_CSV = [
  'email,name,team,manager,github login,aliases',
  ...PEOPLE.map(([local, name, team]) => `${emailOf(local)},${name},${team},,,`),
].join('\n');

// Who the proxy saw on which tool: 6 on ChatGPT (at least k = 5), 2 on Claude (under k), plus a
// user the directory does not know, whose traffic must not land on anyone.
const CHATGPT_USERS = ['alice', 'bob', 'carol', 'dan', 'erin', 'gus'];
const CLAUDE_USERS = ['hana', 'ivan'];
const STRANGER = 'zed@elsewhere.example';
const DAYS = 3;
const LINES_PER_USER_DAY = 150;

/** A Squid native access log over the last DAYS days, big enough that ingest takes a while. */
function squidLog(): { text: string; chatgptRequests: number; claudeRequests: number } {
  const lines: string[] = [];
  let chatgptRequests = 0;
  let claudeRequests = 0;
  const start = Math.floor(Date.now() / 1000) - DAYS * 86_400;
  const visits: [string, string][] = [
    ...CHATGPT_USERS.map((u): [string, string] => [emailOf(u), 'chatgpt.com']),
    ...CLAUDE_USERS.map((u): [string, string] => [emailOf(u), 'claude.ai']),
    [STRANGER, 'chatgpt.com'],
    ...PEOPLE.map(([u]): [string, string] => [emailOf(u), 'intranet.newcomer.example']),
  ];
  for (let day = 0; day < DAYS; day++)
    for (let i = 0; i < LINES_PER_USER_DAY; i++)
      for (const [user, host] of visits) {
        const ts = start + day * 86_400 + 3600 + i * 7;
        lines.push(
          `${ts}.000    120 10.1.0.${lines.length % 250} TCP_TUNNEL/200 4096 CONNECT ${host}:443 ${user} HIER_DIRECT/203.0.113.5 -`,
        );
        if (host === 'chatgpt.com') chatgptRequests++;
        if (host === 'claude.ai') claudeRequests++;
      }
  return { text: lines.join('\n') + '\n', chatgptRequests, claudeRequests };
}

/** A route's JSON answer, read field by field by the assertions that check it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Poll {
  status: number;
  ms: number;
}

/** Polls /health/ready back to back while some work runs, recording each answer and its time. */
class ReadinessWatch {
  readonly polls: Poll[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly url: string) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = Date.now();
      let status = 0; // no answer within the time a probe waits
      try {
        const res = await fetch(`${this.url}/health/ready`, {
          signal: AbortSignal.timeout(2 * PROMPT_MS),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        // recorded as status 0
      }
      this.polls.push({ status, ms: Date.now() - started });
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async stop(): Promise<Poll[]> {
    this.running = false;
    await this.loop;
    return this.polls;
  }
}

describe('the newcomer path on the embedded default, over the API of a real process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-newcomer-'));
  const env = { AI_CENSUS_DATA_DIR: dataDir, PORT: '0' };
  const log = squidLog();
  let api: { proc: ApiProcess; url: string };
  const tokens: Record<'admin' | 'coe' | 'security' | 'leader', string> = {
    admin: '',
    coe: '',
    security: '',
    leader: '',
  };
  /** person id → local part of the e-mail */
  const personOf = new Map<string, string>();
  let surveyId = '';
  let reportId = '';

  async function call(
    route: string,
    token: string,
    init: { method?: string; json?: unknown; body?: string; type?: string } = {},
  ): Promise<{ status: number; text: string; body: Json }> {
    const res = await fetch(api.url + route, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      signal: AbortSignal.timeout(REQUEST_MS),
    }).catch((error: unknown) => {
      throw new Error(`${init.method ?? 'GET'} ${route} got no answer: ${String(error)}`);
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, text, body };
  }

  /** Follows a job through GET /api/jobs/:id until it completes (a failed job fails the test). */
  async function jobDone(id: string, token: string): Promise<Json> {
    return waitFor(
      async () => {
        const r = await call(`/api/jobs/${encodeURIComponent(id)}`, token);
        if (r.status !== 200) throw new Error(`GET /api/jobs/${id}: ${r.status} ${r.text}`);
        if (r.body.state === 'failed') throw new Error(`job ${id} failed: ${r.text}`);
        return r.body.state === 'completed' ? r.body : undefined;
      },
      `job ${id} to complete`,
      180_000,
    );
  }

  /** Runs long work while /health/ready is polled; every poll must be a prompt 200. */
  async function watchingReadiness<T>(what: string, work: () => Promise<T>): Promise<T> {
    const watch = new ReadinessWatch(api.url);
    let result: T | undefined;
    let failure: unknown;
    try {
      result = await work();
    } catch (error) {
      failure = error;
    }
    const polls = await watch.stop();
    const bad = polls.filter((p) => p.status !== 200 || p.ms > PROMPT_MS);
    if (failure !== undefined || bad.length > 0 || polls.length === 0)
      throw new Error(
        `${what}: ${failure !== undefined ? `${String(failure)}; ` : ''}` +
          `/health/ready polled ${polls.length} times, ${bad.length} not a 200 within ${PROMPT_MS} ms` +
          (bad.length ? ` (first: ${JSON.stringify(bad.slice(0, 5))})` : ''),
      );
    return result as T;
  }

  /** Stops the API as an operator would (SIGTERM); says whether it had to be killed instead. */
  async function stopOrKill(proc: ApiProcess): Promise<'stopped' | 'killed'> {
    if (proc.exitCode !== null || proc.signalCode !== null) return 'stopped';
    let killed = false;
    const killer = setTimeout(() => {
      killed = true;
      proc.kill('SIGKILL');
    }, 30_000);
    await stopProcess(proc);
    clearTimeout(killer);
    return killed ? 'killed' : 'stopped';
  }

  beforeAll(async () => {
    const first = await startApi(env);
    api = first;
    tokens.admin = first.token;
    for (const role of ['coe', 'security', 'leader'] as const) {
      const r = await call('/api/tokens', tokens.admin, {
        method: 'POST',
        json: { name: `newcomer-${role}`, role },
      });
      expect(r.status).toBe(201);
      tokens[role] = r.body.token;
    }
  }, 180_000);

  afterAll(async () => {
    if (api?.proc) await stopOrKill(api.proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should start ready on the embedded database and the in-process runner', async () => {
    const ready = await call('/health/ready', '');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', transport: 'in-process' },
    });
  });

  it('should import the directory: every person in their team', async () => {
    const imported = await call('/api/people/imports/csv', tokens.coe, {
      method: 'POST',
      json: { csv: DIRECTORY_CSV, fileName: 'directory.csv' },
    });
    expect(imported.status).toBe(201);

    const people = await call('/api/people', tokens.coe);
    expect(people.status).toBe(200);
    const byEmail = new Map<string, { id: string; name: string }>(
      people.body.map((p: { email: string; id: string; name: string }) => [p.email, p]),
    );
    expect([...byEmail.keys()].sort()).toEqual(PEOPLE.map(([local]) => emailOf(local)).sort());
    for (const [local, name] of PEOPLE) {
      const person = byEmail.get(emailOf(local))!;
      expect(person.name).toBe(name);
      personOf.set(person.id, local);
    }
    const teams = await call('/api/teams', tokens.leader);
    expect(teams.status).toBe(200);
    expect(teams.body.map((t: { path: string }) => t.path)).toEqual(
      expect.arrayContaining([PLATFORM, DATA]),
    );
  });

  it('should ingest a proxy log queued before a restart, exactly once, with readiness throughout', async () => {
    const upload = await call('/api/network/uploads?name=proxy-access.log', tokens.security, {
      method: 'POST',
      body: log.text,
      type: 'text/plain',
    });
    expect(upload.status).toBe(202);
    const jobId: string = upload.body.jobId;

    // Restart while the ingest is queued or running: data and the job survive, readiness returns.
    await expect(stopOrKill(api.proc)).resolves.toBe('stopped');
    api = await startApi(env, { firstStart: false });
    expect(api.proc.output()).not.toContain('First start');
    const people = await call('/api/people', tokens.coe);
    expect(people.body).toHaveLength(PEOPLE.length);

    const job = await watchingReadiness('ingest of the proxy log', () =>
      jobDone(jobId, tokens.security),
    );
    expect(job.progress).toBe(100);

    const usage = await call('/api/network/usage?level=tool', tokens.security);
    expect(usage.status).toBe(200);
    const byTool = new Map(
      usage.body.tools.map((t: { toolId: string }) => [t.toolId, t] as [string, unknown]),
    );
    expect(byTool.get('chatgpt')).toMatchObject({
      requests: log.chatgptRequests,
      identities: CHATGPT_USERS.length + 1,
    });
    expect(byTool.get('claude')).toMatchObject({
      requests: log.claudeRequests,
      identities: CLAUDE_USERS.length,
    });
  }, 300_000);

  it('should collect survey answers through the respondents’ own links', async () => {
    const created = await call('/api/surveys', tokens.coe, {
      method: 'POST',
      json: { title: 'AI-usage inventory', privacyMode: 'identified' },
    });
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    const teams = await call('/api/teams', tokens.coe);
    const platform = teams.body.find((t: { path: string }) => t.path === PLATFORM);
    const invited = await call(`/api/surveys/${surveyId}/invitations`, tokens.coe, {
      method: 'POST',
      json: { teamId: platform.id },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.issued).toBe(6);
    const linkOf = new Map<string, string>(
      invited.body.links.map((l: { email: string; url: string }) => [
        l.email.split('@')[0],
        new URL(l.url).pathname,
      ]),
    );

    // alice, bob and carol disclose ChatGPT; dan names only Cursor; erin and fay do not answer.
    const answers: [string, string][] = [
      ['alice', 'q_tools=chatgpt&q_frequency=daily&action=submit'],
      ['bob', 'q_tools=chatgpt&q_tools=cursor&q_frequency=weekly&action=submit'],
      ['carol', 'q_tools=chatgpt&q_frequency=daily&action=submit'],
      ['dan', 'q_tools=cursor&q_frequency=rarely&action=submit'],
    ];
    for (const [who, form] of answers) {
      const page = await call(linkOf.get(who)!, '');
      expect(page.status).toBe(200);
      expect(page.text).toContain('name="q_tools"');
      const sent = await call(linkOf.get(who)!, '', {
        method: 'POST',
        body: form,
        type: 'application/x-www-form-urlencoded',
      });
      expect(sent.text).toContain('Thank you');
    }
  });

  it('should correlate logs and answers into findings on the right people, with disclosure', async () => {
    const queued = await call('/api/findings/correlate', tokens.security, { method: 'POST' });
    expect(queued.status).toBe(202);
    const job = await watchingReadiness('correlation', () =>
      jobDone(queued.body.id, tokens.security),
    );
    expect(job.progress).toBe(100);

    const findings = await call('/api/findings?subjectType=person&limit=1000', tokens.security);
    expect(findings.status).toBe(200);
    const seen: Record<string, Record<string, string>> = {};
    for (const f of findings.body.items as {
      subjectId: string;
      toolId: string;
      disclosure: string;
    }[]) {
      if (f.toolId !== 'chatgpt' && f.toolId !== 'claude') continue;
      const who = personOf.get(f.subjectId) ?? `unknown ${f.subjectId}`;
      (seen[f.toolId] ??= {})[who] = f.disclosure;
    }
    expect(seen).toEqual({
      chatgpt: {
        alice: 'disclosed',
        bob: 'disclosed',
        carol: 'disclosed',
        dan: 'undisclosed', // surveyed, answered, did not name it
        erin: 'undisclosed', // surveyed, did not answer
        gus: 'not-surveyed',
      },
      claude: { hana: 'not-surveyed', ivan: 'not-surveyed' },
    });
  }, 300_000);

  it('should give the leader a baseline with the tool counts and no names', async () => {
    const queued = await call('/api/reports', tokens.leader, {
      method: 'POST',
      json: { kind: 'baseline', organisation: ORG },
    });
    expect(queued.status).toBe(202);
    const job = await watchingReadiness('baseline report', () =>
      jobDone(queued.body.id, tokens.leader),
    );
    reportId = job.result.reportId;

    const json = await call(`/api/reports/${reportId}/download?format=json`, tokens.leader);
    expect(json.status).toBe(200);
    const model = JSON.parse(json.text);
    expect(model.headline).toMatchObject({
      headcount: PEOPLE.length,
      observedUsers: CHATGPT_USERS.length + CLAUDE_USERS.length,
      respondents: 4,
    });
    const tool = (id: string) => model.tools.find((t: { toolId: string }) => t.toolId === id);
    expect(tool('chatgpt')).toMatchObject({ observedPeople: 6 });
    expect(tool('claude')).toMatchObject({ observedPeople: null }); // 2 people: under k = 5

    const html = await call(`/api/reports/${reportId}/download?format=html`, tokens.leader);
    expect(html.status).toBe(200);
    expect(html.text).toContain('ChatGPT');
    for (const text of [json.text, html.text])
      for (const [local, name] of PEOPLE) {
        expect(text).not.toContain(name);
        expect(text).not.toContain(emailOf(local));
      }

    const pdf = await watchingReadiness('PDF rendering', () =>
      call(`/api/reports/${reportId}/download?format=pdf`, tokens.leader),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
  }, 300_000);
});
