import { kShare, round3 } from './k-anonymity';
import {
  MATURITY_LEVELS,
  type MaturityLevel,
  type MaturityMeasure,
  type MaturityMeasures,
  type ReportFinding,
  type ReportInput,
  type ReportTool,
  type RepositoryGuardrails,
  type TeamMaturity,
} from './report.types';
import { isObserved } from './report-helpers';

// AI maturity per team, computed from evidence rather than asked in a questionnaire; the reasons
// say which measure holds a team back, so a leader reads what to do next, not only a number.

/**
 * The floor each measure must reach for levels 2 to 5. Each measure earns a level of its own; the
 * team's level is the mean of the levels of what could be measured, rounded down, so one strong
 * practice cannot hide a weak one and the reasons show which measure to work on.
 */
const MEASURE_FLOORS: Record<MaturityMeasure, readonly [number, number, number, number]> = {
  sanctionedShare: [0.25, 0.5, 0.75, 0.9],
  disclosureRate: [0.5, 0.7, 0.85, 0.95],
  instructionsShare: [0.1, 0.25, 0.5, 0.75],
  trailerShare: [0.1, 0.25, 0.5, 0.75],
  guardrailShare: [0.1, 0.25, 0.5, 0.75],
};

const MEASURES = Object.keys(MEASURE_FLOORS) as MaturityMeasure[];

const MEASURE_TEXT: Record<MaturityMeasure, string> = {
  sanctionedShare: 'of observed AI use is on sanctioned tools',
  disclosureRate: 'of observed use by surveyed people was disclosed in the survey',
  instructionsShare: 'of repositories with AI use keep agent instructions in the repository',
  trailerShare: 'of repositories with AI use carry AI co-author trailers on their commits',
  guardrailShare: 'of repositories with AI use run check-repo in CI',
};

const MEASURE_NAME: Record<MaturityMeasure, string> = {
  sanctionedShare: 'the share of use on sanctioned tools',
  disclosureRate: 'the disclosure rate',
  instructionsShare: 'the share of repositories with agent instructions',
  trailerShare: 'the share of repositories with AI co-author trailers',
  guardrailShare: 'the share of repositories running check-repo',
};

const UNMEASURED_TEXT: Record<MaturityMeasure, string> = {
  sanctionedShare: `fewer observed uses than the group size a leader may see`,
  disclosureRate: 'no survey answers to compare observed use with (or too few to show)',
  instructionsShare: 'no repository with AI use is owned by this team',
  trailerShare: 'no repository with AI use is owned by this team',
  guardrailShare: 'no repository with AI use is owned by this team',
};

const INSTRUCTION_CATEGORIES = new Set(['coding-assistant', 'coding-agent']);

/**
 * One row per team shown in the baseline (teams under k already pooled by `teamOf`), plus the
 * organisation as a whole first.
 */
export function buildMaturity(
  input: ReportInput,
  teamOf: (team: string | null) => string,
  shownTeams: readonly string[],
  guardrails: readonly RepositoryGuardrails[],
  previous: readonly TeamMaturity[] | undefined,
): TeamMaturity[] {
  const k = input.k;
  const active = input.findings.filter(
    (f) => f.triageState !== 'false-positive' && f.strength !== 'lead',
  );
  const tools = new Map(input.tools.map((t) => [t.id, t]));
  const checked = new Set(
    guardrails.filter((g) => g.guardrails.includes('check-repo')).map((g) => g.repository),
  );
  const before = new Map((previous ?? []).map((m) => [m.team, m.level]));
  const rows: TeamMaturity[] = [];
  const groups: { team: string; findings: ReportFinding[] }[] = [
    { team: ORGANISATION, findings: active },
    ...shownTeams.map((team) => ({
      team,
      findings: active.filter((f) => teamOf(f.team) === team),
    })),
  ];
  for (const { team, findings } of groups) {
    const measures = measure(findings, tools, checked, k);
    const { level, reasons } = grade(measures);
    rows.push({
      team,
      level,
      label: labelOf(level),
      measures,
      reasons,
      previousLevel: before.get(team) ?? null,
    });
  }
  return rows;
}

export const ORGANISATION = 'Whole organisation';

export function measure(
  findings: readonly ReportFinding[],
  tools: ReadonlyMap<string, ReportTool>,
  checkedRepositories: ReadonlySet<string>,
  k: number,
): MaturityMeasures {
  const personUse = findings.filter((f) => f.subjectType === 'person' && isObserved(f));
  const sanctioned = personUse.filter((f) => tools.get(f.toolId)?.policyStatus === 'sanctioned');
  const surveyed = personUse.filter(
    (f) => f.disclosure === 'disclosed' || f.disclosure === 'undisclosed',
  );
  const repos = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    if (f.subjectType !== 'repository') continue;
    const list = repos.get(f.subjectId);
    if (list) list.push(f);
    else repos.set(f.subjectId, [f]);
  }
  const share = (pred: (fs: ReportFinding[], repo: string) => boolean): number | null => {
    if (repos.size === 0) return null;
    let n = 0;
    for (const [repo, fs] of repos) if (pred(fs, repo)) n++;
    return round3(n / repos.size);
  };
  return {
    sanctionedShare: kShare(sanctioned.length, personUse.length, k),
    disclosureRate: kShare(
      surveyed.filter((f) => f.disclosure === 'disclosed').length,
      surveyed.length,
      k,
    ),
    instructionsShare: share((fs) =>
      fs.some(
        (f) =>
          f.signals.includes('config-file') &&
          INSTRUCTION_CATEGORIES.has(tools.get(f.toolId)?.category ?? ''),
      ),
    ),
    trailerShare: share((fs) => fs.some((f) => f.signals.includes('commit-trailer'))),
    guardrailShare: share((_, repo) => checkedRepositories.has(repo)),
    repositoriesWithAi: repos.size,
  };
}

/** The level each measure earns on its own: the highest whose floor it reaches. */
export function measureLevel(key: MaturityMeasure, value: number): MaturityLevel {
  let level: MaturityLevel = 1;
  MEASURE_FLOORS[key].forEach((floor, i) => {
    if (value >= floor) level = (i + 2) as MaturityLevel;
  });
  return level;
}

/** The mean of the measured levels, rounded down; a reason per measure, weakest first. */
export function grade(m: MaturityMeasures): { level: MaturityLevel; reasons: string[] } {
  const measured: { key: MaturityMeasure; value: number; level: MaturityLevel }[] = [];
  const unmeasured: string[] = [];
  for (const key of MEASURES) {
    const value = m[key];
    if (value === null)
      unmeasured.push(`Not measured: ${MEASURE_NAME[key]} (${UNMEASURED_TEXT[key]})`);
    else measured.push({ key, value, level: measureLevel(key, value) });
  }
  if (measured.length === 0)
    return { level: 1, reasons: ['Nothing could be measured yet', ...unmeasured] };
  const level = Math.floor(
    measured.reduce((sum, x) => sum + x.level, 0) / measured.length,
  ) as MaturityLevel;
  const reasons = [...measured]
    .sort((a, b) => a.level - b.level || MEASURES.indexOf(a.key) - MEASURES.indexOf(b.key))
    .map(({ key, value, level: own }) =>
      own === 5
        ? `${pct(value)} ${MEASURE_TEXT[key]}: level 5`
        : `${pct(value)} ${MEASURE_TEXT[key]}: level ${own} (level ${own + 1} needs ${pct(MEASURE_FLOORS[key][own - 1])})`,
    );
  return { level, reasons: [...reasons, ...unmeasured] };
}

function labelOf(level: MaturityLevel): string {
  return MATURITY_LEVELS.find((l) => l.level === level)?.label ?? String(level);
}

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? 'not measured' : `${Math.round(x * 100)}%`;
}
