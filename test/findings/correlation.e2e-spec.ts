import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { createTestApp, TestApp } from '../support/test-app';
import {
  configFile,
  correlate,
  findingRow,
  fixtureSources,
  net,
  record,
  seat,
} from './findings-fixture';

describe(CorrelationService.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ correlationSources: fixtureSources() });
    await record(t, [
      net('p1', 'github-copilot', 1),
      net('p1', 'github-copilot', 2),
      seat('p1'),
      net('p2', 'github-copilot', 3), // no seat: a personal account
      net('p2', 'deepseek', 4, 2_000_000_000),
      net('p4', 'deepseek', 5),
      configFile('records', 'github-copilot', '.github/copilot-instructions.md'),
      configFile('site', 'cursor', '.cursor/rules/general.mdc'),
    ]);
  });

  afterAll(() => t.close());

  it('should create one finding per (subject, tool) with sanction, disclosure and score when correlating', async () => {
    const result = await correlate(t);
    expect(result).toMatchObject({ inserted: 6, updated: 0, absent: 0 });
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT subject_type, subject_id, tool_id, sanction_status, disclosure, tier FROM finding ORDER BY 1, 2, 3`,
    );
    expect(rows).toEqual([
      {
        subject_type: 'person',
        subject_id: 'p1',
        tool_id: 'github-copilot',
        sanction_status: 'sanctioned',
        disclosure: 'disclosed',
        tier: 'low',
      },
      {
        subject_type: 'person',
        subject_id: 'p2',
        tool_id: 'deepseek',
        sanction_status: 'prohibited',
        disclosure: 'undisclosed',
        tier: expect.stringMatching(/critical|high/),
      },
      {
        subject_type: 'person',
        subject_id: 'p2',
        tool_id: 'github-copilot',
        sanction_status: 'violation',
        disclosure: 'undisclosed',
        tier: expect.any(String),
      },
      {
        subject_type: 'person',
        subject_id: 'p4',
        tool_id: 'deepseek',
        sanction_status: 'prohibited',
        disclosure: 'not-surveyed',
        tier: expect.any(String),
      },
      {
        subject_type: 'repository',
        subject_id: 'records',
        tool_id: 'github-copilot',
        sanction_status: 'violation',
        disclosure: 'not-applicable',
        tier: expect.any(String),
      },
      {
        subject_type: 'repository',
        subject_id: 'site',
        tool_id: 'cursor',
        sanction_status: 'unreviewed',
        disclosure: 'not-applicable',
        tier: expect.any(String),
      },
    ]);
    const p2 = await findingRow(t, 'p2', 'github-copilot');
    expect((p2.factors as { key: string }[]).map((f) => f.key)).toContain(
      'violation.personal-account',
    );
    const records = await findingRow(t, 'records', 'github-copilot');
    expect(records.data_classes).toEqual(['phi']);
    expect(records.evidence_fingerprints).toEqual(['cfg:records:.github/copilot-instructions.md']);
  });

  it('should change nothing when correlation runs again on the same inputs', async () => {
    const before = await t.dataSource.query(`SELECT * FROM finding ORDER BY id`);
    const sut = await correlate(t);
    expect(sut).toMatchObject({
      inserted: 0,
      updated: 0,
      fingerprintsChanged: 0,
      absent: 0,
      reopened: { expired: 0, recurred: 0 },
    });
    await expect(t.dataSource.query(`SELECT * FROM finding ORDER BY id`)).resolves.toEqual(before);
  });

  it('should update only the finding whose evidence changed when new evidence arrives', async () => {
    const before = await findingRow(t, 'p4', 'deepseek');
    await record(t, [net('p4', 'deepseek', 6)]);
    const sut = await correlate(t);
    expect(sut).toMatchObject({ inserted: 0, updated: 1, fingerprintsChanged: 1 });
    const after = await findingRow(t, 'p4', 'deepseek');
    expect(after.evidence_count).toBe(2);
    expect(after.id).toBe(before.id);
  });
});
