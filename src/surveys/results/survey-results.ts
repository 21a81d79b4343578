import { computeQuestionResults, type QuestionResult } from './question-results';
import { suppressCounts, suppressSmallCells, type SuppressedCell } from '../privacy/k-anonymity';
import {
  answerValues,
  type Answers,
  type QuestionDefinition,
  type QuestionRole,
} from '../survey.types';

export interface ResultResponse {
  answers: Answers;
  toolIds: string[];
  /** team path of the respondent; null when unknown or anonymous */
  team: string | null;
}

export interface ResultInvitation {
  team: string | null;
  responded: boolean;
}

export interface SurveyResults {
  k: number;
  respondents: number | null;
  /** true when fewer than k people answered: nothing below the total is shown */
  suppressedAll: boolean;
  responseRateByTeam: {
    team: string;
    invited: number;
    responded: number | null;
    rate: number | null;
    suppressed: boolean;
  }[];
  toolUse: { toolId: string; respondents: number | null }[];
  toolUseByFrequency: SuppressedCell[];
  toolUseByWorkKind: SuppressedCell[];
  dataShared: Record<string, number | null>;
  wishedTools: Record<string, number | null>;
  /** each question's distribution (Likert, NPS, matrix, number, ranking, choices), suppressed */
  questions: QuestionResult[];
}

const NO_TEAM = '(no team)';

function byRole(
  questions: QuestionDefinition[],
  role: QuestionRole,
): QuestionDefinition | undefined {
  return questions.find((q) => q.role === role);
}

function valuesOf(answers: Answers, question: QuestionDefinition | undefined): string[] {
  if (!question) return [];
  return answerValues(answers[question.key]);
}

/** Breakdowns for the results API; every count under k is suppressed (see k-anonymity.ts). */
export function computeSurveyResults(input: {
  questions: QuestionDefinition[];
  responses: ResultResponse[];
  invitations: ResultInvitation[];
  k: number;
}): SurveyResults {
  const { questions, responses, invitations, k } = input;
  const frequency = byRole(questions, 'frequency');
  const workKinds = byRole(questions, 'work-kinds');
  const data = byRole(questions, 'data-classes');
  const wished = byRole(questions, 'wished-tool');
  const respondents = responses.length;

  const invitedByTeam = new Map<string, { invited: number; responded: number }>();
  for (const invitation of invitations) {
    const team = invitation.team ?? NO_TEAM;
    const entry = invitedByTeam.get(team) ?? { invited: 0, responded: 0 };
    entry.invited++;
    if (invitation.responded) entry.responded++;
    invitedByTeam.set(team, entry);
  }
  // Responded and not-responded add up to the published invited count, per team and overall.
  const rateCells = suppressSmallCells({
    k,
    groupsAdditive: true,
    categoriesAdditive: true,
    groupSizes: Object.fromEntries([...invitedByTeam].map(([team, e]) => [team, e.invited])),
    cells: [...invitedByTeam].flatMap(([team, e]) => [
      { group: team, category: 'responded', count: e.responded },
      { group: team, category: 'pending', count: e.invited - e.responded },
    ]),
  });
  const responseRateByTeam = [...invitedByTeam]
    .map(([team, e]) => {
      const cell = rateCells.find(
        (c) => c.group === team && c.category === 'responded',
      ) as SuppressedCell;
      return {
        team,
        invited: e.invited,
        responded: cell.count,
        rate: cell.count === null ? null : Math.round((cell.count / e.invited) * 1000) / 1000,
        suppressed: cell.suppressed,
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team));

  if (respondents < k) {
    return {
      k,
      respondents: null,
      suppressedAll: true,
      responseRateByTeam,
      toolUse: [],
      toolUseByFrequency: [],
      toolUseByWorkKind: [],
      dataShared: {},
      wishedTools: {},
      questions: [],
    };
  }

  const toolCounts: Record<string, number> = {};
  const freqCells = new Map<string, number>();
  const workCells = new Map<string, number>();
  const dataCounts: Record<string, number> = {};
  const wishCounts: Record<string, number> = {};
  for (const option of data?.options ?? []) dataCounts[option.value] = 0;
  for (const response of responses) {
    const frequencies = valuesOf(response.answers, frequency);
    const kinds = valuesOf(response.answers, workKinds);
    for (const tool of response.toolIds) {
      toolCounts[tool] = (toolCounts[tool] ?? 0) + 1;
      for (const f of frequencies.slice(0, 1))
        freqCells.set(`${tool}\u0000${f}`, (freqCells.get(`${tool}\u0000${f}`) ?? 0) + 1);
      for (const w of kinds)
        workCells.set(`${tool}\u0000${w}`, (workCells.get(`${tool}\u0000${w}`) ?? 0) + 1);
    }
    for (const d of valuesOf(response.answers, data)) dataCounts[d] = (dataCounts[d] ?? 0) + 1;
    for (const w of valuesOf(response.answers, wished)) wishCounts[w] = (wishCounts[w] ?? 0) + 1;
  }
  const toolUse = Object.entries(suppressCounts(toolCounts, k, false))
    .map(([toolId, n]) => ({ toolId, respondents: n }))
    .sort(
      (a, b) => (b.respondents ?? -1) - (a.respondents ?? -1) || a.toolId.localeCompare(b.toolId),
    );
  const toCells = (cells: Map<string, number>) =>
    [...cells].map(([key, count]) => {
      const [group, category] = key.split('\u0000');
      return { group, category, count };
    });
  // Each respondent has one frequency, so a tool's frequency cells add up to its published count.
  const toolUseByFrequency = suppressSmallCells({
    k,
    cells: toCells(freqCells),
    groupsAdditive: true,
    categoriesAdditive: false,
    groupSizes: toolCounts,
  });
  const toolUseByWorkKind = suppressSmallCells({
    k,
    cells: toCells(workCells),
    groupsAdditive: false,
    categoriesAdditive: false,
    groupSizes: toolCounts,
  });
  return {
    k,
    respondents,
    suppressedAll: false,
    responseRateByTeam,
    toolUse,
    toolUseByFrequency,
    toolUseByWorkKind,
    dataShared: suppressCounts(dataCounts, k, false),
    wishedTools: suppressCounts(wishCounts, k, false),
    questions: computeQuestionResults(questions, responses, k),
  };
}
