import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCliInProcess } from './support/processes';
import { bearer, createTestApp, type TestApp, waitForJob } from './support/test-app';

const DIRECTORY = [
  'email,name,team',
  'alice@example.com,Alice Able,Engineering',
  'bob@example.com,Bob Baker,Engineering',
  'carol@example.com,Carol Cole,Engineering',
  'dan@example.com,Dan Dye,Engineering',
  'erin@example.com,Erin Eve,Engineering',
].join('\n');

const at = (day: string, time: string) => new Date(`2026-11-${day}T${time}Z`);

/** Squid native lines from an address with no user name: only a lease says who it was. */
function squid(lines: { at: Date; ip: string; host: string }[]): string {
  return (
    lines
      .map(
        (l) =>
          `${(l.at.getTime() / 1000).toFixed(3)} 12 ${l.ip} TCP_MISS/200 2048 GET https://${l.host}/ - HIER_DIRECT/104.18.32.47 text/html`,
      )
      .join('\n') + '\n'
  );
}

interface FindingItem {
  subjectType: string;
  subjectId: string;
  toolId: string;
  firstSeen: string;
  lastSeen: string;
}

describe('IP leases: one store in people, resolved at the time of use', () => {
  let t: TestApp;
  let dir: string;
  const ids: Record<string, string> = {};

  const upload = async (name: string, body: string) => {
    const res = await t.http
      .post(`/api/network/uploads?name=${name}`)
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(body))
      .expect(202);
    return waitForJob(t, res.body.jobId);
  };
  const usageOf = (toolId: string) =>
    t.http.get(`/api/network/usage?toolId=${toolId}`).set(bearer(t.tokens.security)).expect(200);
  const importLeases = (csv: string, token = t.tokens.coe) =>
    t.http.post('/api/people/imports/leases').set(bearer(token)).send({ csv });

  beforeAll(async () => {
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-leases-'));
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY })
      .expect(201);
    const people = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    for (const p of people.body as { id: string; email: string }[])
      ids[p.email.split('@')[0]] = p.id;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should import a lease export once, naming the line and field of a bad row', async () => {
    const csv = [
      'ip,person,from,to',
      '10.30.0.7,alice@example.com,2026-11-24T00:00:00Z,2026-11-25T00:00:00Z',
      '10.30.0.7,Bob@Example.com,2026-11-25T00:00:00Z,2026-11-26T00:00:00Z',
      '10.30.0.7,zed@example.com,2026-11-26T00:00:00Z,',
    ].join('\n');
    const first = await importLeases(csv).expect(201);
    expect(first.body).toEqual({
      leases: 2,
      added: 2,
      errors: [
        'leases.csv: line 4: field "person": zed@example.com is not a person of the directory',
      ],
    });
    const again = await importLeases(csv).expect(201);
    expect(again.body).toMatchObject({ leases: 2, added: 0 });
    await importLeases(csv, t.tokens.leader).expect(403);
    const resolve = (at: string) =>
      t.http
        .post('/api/identities/resolve')
        .set(bearer(t.tokens.security))
        .send({ kind: 'ip', value: '10.30.0.7', at })
        .expect(200);
    await expect(resolve('2026-11-24T12:00:00Z')).resolves.toMatchObject({
      body: { personId: ids.alice, rule: 'ip-lease' },
    });
    await expect(resolve('2026-11-25T12:00:00Z')).resolves.toMatchObject({
      body: { personId: ids.bob, rule: 'ip-lease' },
    });
  });

  it('should roll each day of a shared address up under the person who held it that day', async () => {
    const job = await upload(
      'shared.log',
      squid([
        { at: at('24', '09:00:00'), ip: '10.30.0.7', host: 'chatgpt.com' },
        { at: at('24', '23:59:59'), ip: '10.30.0.7', host: 'chatgpt.com' },
        { at: at('25', '00:00:00'), ip: '10.30.0.7', host: 'chatgpt.com' },
        { at: at('25', '10:00:00'), ip: '10.30.0.7', host: 'chatgpt.com' },
        { at: at('25', '11:00:00'), ip: '10.30.0.7', host: 'chatgpt.com' },
      ]),
    );
    expect(job).toMatchObject({ state: 'completed', result: { lines: 5 } });
    const usage = await usageOf('chatgpt');
    expect(
      usage.body.rows.map(
        (r: { identityKind: string; identityValue: string; day: string; requests: number }) =>
          `${r.day} ${r.identityKind}:${r.identityValue} ${r.requests}`,
      ),
    ).toEqual([`2026-11-25 person:${ids.bob} 3`, `2026-11-24 person:${ids.alice} 2`]);
  });

  it('should leave traffic seen before its lease was known on the address until correlation', async () => {
    await upload(
      'before-leases.log',
      squid([
        { at: at('24', '10:00:00'), ip: '10.30.0.8', host: 'claude.ai' },
        { at: at('24', '12:00:00'), ip: '10.30.0.8', host: 'claude.ai' },
        { at: at('24', '10:00:00'), ip: '10.30.0.9', host: 'perplexity.ai' },
        { at: at('25', '10:00:00'), ip: '10.30.0.9', host: 'perplexity.ai' },
      ]),
    );
    const usage = await usageOf('claude');
    expect(usage.body.rows).toEqual([
      expect.objectContaining({ identityKind: 'ip', identityValue: '10.30.0.8', requests: 2 }),
    ]);
    // Known now: 10.30.0.8 was Carol's on the 24th and Dan's from the 27th; 10.30.0.9 changed
    // hands between its two requests.
    await importLeases(
      [
        '10.30.0.8,carol@example.com,2026-11-24T00:00:00Z,2026-11-25T00:00:00Z',
        '10.30.0.8,dan@example.com,2026-11-27T00:00:00Z,',
        '10.30.0.9,alice@example.com,2026-11-24T00:00:00Z,2026-11-25T00:00:00Z',
        '10.30.0.9,bob@example.com,2026-11-25T00:00:00Z,2026-11-26T00:00:00Z',
      ].join('\n'),
    ).expect(201);
  });

  it('should take a lease file given to ingest-logs into the same store, and refuse one naming a stranger', async () => {
    const log = path.join(dir, 'vpn.log');
    fs.writeFileSync(
      log,
      squid([{ at: at('26', '08:00:00'), ip: '10.30.0.10', host: 'chatgpt.com' }]),
    );
    const bad = path.join(dir, 'bad-leases.csv');
    fs.writeFileSync(bad, '10.30.0.10,erin@example.com,,\n10.30.0.11,nobody@example.com,,\n');
    // the CLI's entry in this process (network and uploads e2e run ingest-logs as a real one)
    const refused = await runCliInProcess(['ingest-logs', log, '--leases', bad, '--json'], t.env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(
      'bad-leases.csv: line 2: field "person": nobody@example.com is not a person of the directory',
    );
    const good = path.join(dir, 'leases.csv');
    fs.writeFileSync(good, '10.30.0.10,erin@example.com,2026-11-26T00:00:00Z,\n');
    const r = await runCliInProcess(['ingest-logs', log, '--leases', good, '--json'], t.env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tools.chatgpt).toEqual({ requests: 1, bytes: 2048, identities: 1 });
    // The CLI's import is audited as the API's is; the refused file changed nothing and has none.
    const audit: { actor_role: string | null; file: string | null; added: number }[] =
      await t.dataSource.query(
        `SELECT actor_role, detail->>'file' AS file, (detail->>'added')::int AS added
           FROM audit_event WHERE action = 'people.import' AND detail->>'source' = 'leases' ORDER BY id`,
      );
    expect(audit).toEqual([
      { actor_role: 'coe', file: null, added: 2 },
      { actor_role: 'coe', file: null, added: 0 },
      { actor_role: 'coe', file: null, added: 4 },
      { actor_role: expect.any(String), file: 'leases.csv', added: 1 },
    ]);
  });

  it('should give each person the findings of the days they held the address, through correlation', async () => {
    const queued = await t.http
      .post('/api/findings/correlate')
      .set(bearer(t.tokens.security))
      .expect(202);
    await expect(waitForJob(t, queued.body.id)).resolves.toMatchObject({ state: 'completed' });
    const res = await t.http
      .get('/api/findings?subjectType=person&limit=100')
      .set(bearer(t.tokens.security))
      .expect(200);
    const name = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
    const found = (res.body.items as FindingItem[])
      .map(
        (f) =>
          `${name[f.subjectId]} ${f.toolId} ${f.firstSeen.slice(0, 19)} ${f.lastSeen.slice(0, 19)}`,
      )
      .sort();
    expect(found).toEqual([
      'alice chatgpt 2026-11-24T09:00:00 2026-11-24T23:59:59',
      'bob chatgpt 2026-11-25T00:00:00 2026-11-25T11:00:00',
      // resolved in correlation over the span of its evidence: Carol's lease, not Dan's later one
      'carol claude 2026-11-24T10:00:00 2026-11-24T12:00:00',
      'erin chatgpt 2026-11-26T08:00:00 2026-11-26T08:00:00',
    ]);
    // 10.30.0.9's evidence spans Alice's day and Bob's: it is left for a human, naming both.
    const unresolved = await t.http
      .get('/api/identities/unresolved')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(unresolved.body).toContainEqual(
      expect.objectContaining({
        kind: 'ip',
        value: '10.30.0.9',
        reason: 'ambiguous',
        candidates: expect.arrayContaining([ids.alice, ids.bob]),
      }),
    );
  });
});
