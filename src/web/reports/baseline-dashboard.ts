import type { BaselineModel } from '../../reports/model/report.types';

/** A before → after figure, with its direction for the reader. */
export interface DashboardDelta {
  label: string;
  before: string;
  after: string;
  /** 'up' | 'down' | 'same' */
  direction: string;
}

const share = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;

function delta(
  label: string,
  before: number | null,
  after: number | null,
  fmt: (x: number | null) => string,
): DashboardDelta {
  const direction =
    before === null || after === null || before === after ? 'same' : after > before ? 'up' : 'down';
  return { label, before: fmt(before), after: fmt(after), direction };
}

/**
 * What the dashboard shows of a baseline: its headline, the change since the previous baseline,
 * tools with their policy status, teams. Aggregates only, as the model holds them (groups under k
 * already combined or nulled by the report builder); a null count shows as "fewer than k".
 */
export function baselineDashboard(m: BaselineModel) {
  const h = m.headline;
  const c = m.change;
  const count = (x: number | null) => (x === null ? '–' : String(x));
  return {
    organisation: m.organisation,
    generatedAt: m.generatedAt,
    k: m.k,
    figures: [
      {
        label: 'People using AI tools (observed)',
        value: `${h.observedUsers}`,
        note: share(h.observedShare) + ' of headcount',
      },
      { label: 'Tools in use', value: `${h.toolsInUse}`, note: `${h.toolsSanctioned} sanctioned` },
      { label: 'Shadow AI tools', value: `${h.shadowTools}`, note: `${h.shadowFindings} findings` },
      {
        label: 'Survey response rate',
        value: share(h.responseRate),
        note: `${h.respondents} respondents`,
      },
      {
        label: 'Disclosure gap',
        value: share(h.disclosureGap),
        note: 'observed but not disclosed',
      },
      {
        label: 'Repositories with AI traces',
        value: `${h.repositoriesWithAi}`,
        note: `of ${h.repositoriesTotal}`,
      },
    ],
    change: c
      ? {
          previousAt: c.previousAt,
          rows: [
            delta('Observed share', c.observedShare.before, c.observedShare.after, share),
            delta(
              'Self-reported share',
              c.selfReportedShare.before,
              c.selfReportedShare.after,
              share,
            ),
            delta('Tools in use', c.toolsInUse.before, c.toolsInUse.after, count),
            delta('Disclosure gap', c.disclosureGap.before, c.disclosureGap.after, share),
            ...Object.entries(c.shadowByTier).map(([tier, v]) =>
              delta(`Shadow findings, ${tier}`, v.before, v.after, count),
            ),
          ],
          newTools: c.newTools,
          goneTools: c.goneTools,
        }
      : null,
    tools: m.tools.map((t) => ({
      name: t.name,
      vendor: t.vendor,
      policyStatus: t.policyStatus,
      observed: t.observedPeople === null ? `fewer than ${m.k}` : String(t.observedPeople),
      selfReported:
        t.selfReportedPeople === null ? `fewer than ${m.k}` : String(t.selfReportedPeople),
      repositories: t.repositories,
      topTier: t.topTier,
    })),
    teams: m.teams.map((t) => ({
      team: t.team,
      headcount: t.headcount,
      observed: share(t.observedShare),
      selfReported: share(t.selfReportedShare),
      toolsInUse: t.toolsInUse,
      shadowPeople: t.shadowPeople === null ? `fewer than ${m.k}` : String(t.shadowPeople),
      disclosureGap: share(t.disclosureGap),
    })),
    topRisks: m.topRisks.map((r) => ({
      name: r.name,
      tier: r.tier,
      maxScore: r.maxScore,
      findings: r.findings,
      people: r.people === null ? `fewer than ${m.k}` : String(r.people),
      repositories: r.repositories,
    })),
    notes: m.notes,
  };
}
