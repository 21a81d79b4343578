import { EvidenceService } from '../../src/evidence/evidence.service';
import { EVIDENCE_RELATION_COLUMNS } from '../../src/evidence/evidence.types';
import { createTestApp, type TestApp } from '../support/test-app';

// Correlation selects from the relation in its own SQL: every column of the contract must be
// there, named as promised, whatever the table looks like.
describe('EvidenceService.relation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('should offer every contract column, with the values recorded, when selected from', async () => {
    const sut = t.app.get(EvidenceService);
    await sut.record([
      {
        toolId: 'cursor',
        signal: 'network',
        identityKind: 'username',
        identityValue: 'Ann',
        repository: 'web',
        firstSeen: new Date('2026-02-01T00:00:00Z'),
        lastSeen: new Date('2026-02-02T00:00:00Z'),
        count: 3,
        bytes: 1200,
        confidence: 0.5,
        detail: { domain: 'cursor.sh' },
        fingerprint: 'relation-test',
      },
    ]);
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT ${EVIDENCE_RELATION_COLUMNS.map((c) => `e.${c}`).join(', ')} FROM ${sut.relation().sql} e`,
    );
    expect(rows).toEqual([
      {
        fingerprint: 'relation-test',
        tool_id: 'cursor',
        signal: 'network',
        repository: 'web',
        identity_kind: 'username',
        identity_value: 'Ann',
        confidence: 0.5,
        first_seen: new Date('2026-02-01T00:00:00Z'),
        last_seen: new Date('2026-02-02T00:00:00Z'),
        count: '3',
        bytes: '1200',
        detail: { domain: 'cursor.sh' },
      },
    ]);
  });
});
