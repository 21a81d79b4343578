import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectorTestApp, dayAgo } from '../../support/connector-e2e';
import { runCliInProcess } from '../../support/processes';
import type { TestApp } from '../../support/test-app';

const ANN = '906751e3d4-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const BO = '2c4e6a80-1111-4222-8333-944455556666';
const CY = '5d7f9b11-2222-4333-8444-a55566667777';
const ZED = 'e1e2e3e4-3333-4444-8555-b66677778888';
const NOBODY = 'f0f0f0f0-4444-4555-8666-c77788889999';

interface UserIdsJson {
  people: { resolved: number; unresolved: number };
  evidence: Record<string, number>;
  file: {
    added: number;
    userIds: {
      mapFile: string | null;
      linked: number;
      mapRejected: { line: number; field: string; message: string }[];
      ids: number;
      resolved: number;
      unmapped: number;
      unmappedIds: string[];
    };
  };
}

// Amazon Q Developer's report names users by IAM Identity Center id: the ids become people only
// through links the CoE gives (a directory alias, a --user-map CSV stored as links); an id linked
// to no one is counted and named, and its evidence kept under the id until someone links it.

describe('Amazon Q user-id map (sync amazon-q --file --user-map)', () => {
  let t: TestApp;
  let dir: string;
  let report: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // the CLI's entry in this process: export-imports e2e runs `sync --file` as a real one
  const sync = (...args: string[]) =>
    runCliInProcess(['sync', 'amazon-q', '--file', report, ...args, '--json'], t.env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'q-map-'));
    // Cy's Identity Center id is an alias of hers in the directory already
    t = await connectorTestApp(
      `email,name,team,aliases\nann@acme.example,Ann,Web,\nbo@acme.example,Bo,Web,\ncy@acme.example,Cy,Ops,${CY}\n`,
    );
    report = file(
      'q_by_user_analytic.csv',
      [
        'UserId,Date,Chat_MessagesSent,Inline_AcceptanceCount',
        `${ANN},${dayAgo(2)},3,1`,
        `${BO},${dayAgo(2)},1,0`,
        `${CY},${dayAgo(2)},2,2`,
        `${ZED},${dayAgo(2)},1,1`,
        `${ZED},${dayAgo(1)},4,0`,
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('should count and name the ids no one is linked to, guessing none', async () => {
    const r = await sync();
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as UserIdsJson;
    expect(json.file.userIds).toEqual({
      mapFile: null,
      linked: 0,
      mapRejected: [],
      ids: 4,
      resolved: 1,
      unmapped: 3,
      unmappedIds: [BO, ANN, ZED],
    });
    expect(json.people).toEqual({ resolved: 1, unresolved: 3 });
    expect(r.stderr).toContain(
      `q_by_user_analytic.csv: 3 IAM Identity Center user ids are mapped to no one (${BO}, ${ANN}, ${ZED})`,
    );
    const rows = (await t.dataSource.query(
      `SELECT identity_kind, identity_value FROM evidence WHERE tool_id = 'amazon-q-developer'
        ORDER BY identity_value, first_seen`,
    )) as { identity_kind: string; identity_value: string }[];
    expect(rows.map((x) => x.identity_value)).toEqual([BO, CY, ANN, ZED, ZED]);
    expect(new Set(rows.map((x) => x.identity_kind))).toEqual(new Set(['username']));
  });

  it('should store a user map as links to the people it names, naming the rows it cannot use', async () => {
    const map = file(
      'q-users.csv',
      [
        'userid,email',
        `${ANN},Ann@acme.example`,
        `${BO},bo@acme.example`,
        'not-an-id,cy@acme.example',
        `${NOBODY},nobody@acme.example`,
        `${CY},ann@acme.example`,
      ].join('\n'),
    );
    const r = await sync('--user-map', map);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as UserIdsJson;
    expect(json.file.userIds).toEqual({
      mapFile: 'q-users.csv',
      linked: 2,
      mapRejected: [
        { line: 4, field: 'userid', message: '"not-an-id" is not an IAM Identity Center user id' },
        { line: 5, field: 'email', message: 'no one in the directory has nobody@acme.example' },
        { line: 6, field: 'userid', message: `${CY} is linked to another person already` },
      ],
      ids: 4,
      resolved: 3,
      unmapped: 1,
      unmappedIds: [ZED],
    });
    // the evidence stays under the ids: nothing new, now resolved to Ann and Bo
    expect(json.file.added).toBe(0);
    expect(json.people).toEqual({ resolved: 3, unresolved: 1 });
    expect(r.stderr).toContain(
      'q-users.csv:5: email: no one in the directory has nobody@acme.example',
    );
    const links = (await t.dataSource.query(
      `SELECT i.value, p.email FROM person_identity i JOIN person p ON p.id = i.person_id
        WHERE i.kind = 'username' ORDER BY p.email`,
    )) as { value: string; email: string }[];
    expect(links).toEqual([
      { value: ANN, email: 'ann@acme.example' },
      { value: BO, email: 'bo@acme.example' },
      { value: CY, email: 'cy@acme.example' },
    ]);
    const unresolved = (await t.dataSource.query(
      `SELECT value FROM unresolved_identity WHERE kind = 'username' ORDER BY value`,
    )) as { value: string }[];
    expect(unresolved.map((u) => u.value)).toEqual([ZED]);
  });

  it('should resolve the next report through the stored links, with no map given', async () => {
    const r = await sync();
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as UserIdsJson).file.userIds).toMatchObject({
      linked: 0,
      resolved: 3,
      unmapped: 1,
    });
  });

  it('should refuse a user map for another connector', async () => {
    const r = await runCliInProcess(
      ['sync', 'okta', '--file', report, '--user-map', report, '--json'],
      t.env,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--user-map applies to amazon-q with --file only/);
  });
});
