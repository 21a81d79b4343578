import type { TestApp } from '../support/test-app';
import { identityKey, InMemoryCorrelationSources } from '../support/in-memory-correlation-sources';
import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { DEMO_CATALOG } from '../../src/demo/demo-catalog';
import type { EvidenceInput } from '../../src/evidence/evidence.types';
import { EvidenceService } from '../../src/evidence/evidence.service';

export const T0 = new Date('2026-02-01T00:00:00Z');
export const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

/**
 * Six people in two teams; a public-only sanctioned Copilot, a prohibited DeepSeek, a PHI
 * repository. Give it to createTestApp as `correlationSources`.
 */
export function fixtureSources(
  opts: { surveyed?: string[]; said?: [string, string][] } = {},
): InMemoryCorrelationSources {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id, i) => ({
    id,
    label: `${id}@corp.example`,
    team: i < 3 ? 'Alpha' : 'Beta',
  }));
  return new InMemoryCorrelationSources({
    tools: DEMO_CATALOG,
    policies: new Map([
      [
        'github-copilot',
        { status: 'sanctioned', allowedDataClasses: ['public', 'internal'], tenantBound: true },
      ],
      ['deepseek', { status: 'prohibited', allowedDataClasses: [], tenantBound: false }],
    ]),
    people,
    identities: new Map(
      people.flatMap(
        (p) =>
          [
            [identityKey('username', p.id), p.id],
            [identityKey('github', `gh-${p.id}`), p.id],
          ] as [string, string][],
      ),
    ),
    surveyedPersonIds: opts.surveyed ?? ['p1', 'p2', 'p3'],
    disclosures: (opts.said ?? [['p1', 'github-copilot']]).map(([personId, toolId]) => ({
      personId,
      toolId,
      dataClasses: [],
    })),
    repositories: [
      { repository: 'records', team: 'Alpha', dataClasses: ['phi'] },
      { repository: 'site', team: 'Beta', dataClasses: ['public'] },
    ],
  });
}

export function net(person: string, toolId: string, d: number, bytes = 10_000): EvidenceInput {
  return {
    toolId,
    signal: 'network',
    identityKind: 'username',
    identityValue: person,
    firstSeen: day(d),
    lastSeen: day(d),
    count: 5,
    bytes,
    detail: { domain: `${toolId}.example`, day: day(d).toISOString().slice(0, 10) },
    fingerprint: `net:${person}:${toolId}:${d}`,
  };
}

export function seat(person: string): EvidenceInput {
  return {
    toolId: 'github-copilot',
    signal: 'copilot-seat',
    identityKind: 'github',
    identityValue: `gh-${person}`,
    firstSeen: day(0),
    lastSeen: day(0),
    detail: {},
    fingerprint: `seat:${person}`,
  };
}

export function configFile(repository: string, toolId: string, path: string): EvidenceInput {
  return {
    toolId,
    signal: 'config-file',
    repository,
    firstSeen: day(1),
    lastSeen: day(1),
    detail: { path },
    fingerprint: `cfg:${repository}:${path}`,
  };
}

export async function record(t: TestApp, rows: EvidenceInput[]): Promise<void> {
  await t.app.get(EvidenceService).record(rows);
}

export function correlate(t: TestApp, now: Date = day(30)) {
  return t.app.get(CorrelationService).correlate(now);
}

export async function findingRow(
  t: TestApp,
  subjectId: string,
  toolId: string,
): Promise<Record<string, unknown>> {
  const [row] = await t.dataSource.query(
    `SELECT * FROM finding WHERE subject_id = $1 AND tool_id = $2`,
    [subjectId, toolId],
  );
  return row;
}
