import type { ChartDef } from '../../../reports/render/chart-defs';
import type { SurveyResults } from '../../../surveys/results/survey-results';
import { SURVEY_TEMPLATES, type SurveyTemplate } from '../../../surveys/survey-templates';
import { PRIVACY_MODES, type PrivacyMode } from '../../../surveys/survey.types';
import {
  enumLabel,
  formChoice,
  formFlag,
  formInt,
  formText,
  type CoeFieldError,
  type CoeFormBody,
} from '../coe-form';

export const PRIVACY_MODE_HELP: Record<PrivacyMode, string> = {
  identified: 'Answers are stored with the person; the CoE can follow up.',
  pseudonymous: 'Answers are stored under a code only the security team can turn into a name.',
  anonymous: 'Nothing links an answer to anyone; invitations only record that a link was used.',
};

export interface SurveyCreateInput {
  title: string;
  description?: string;
  privacyMode: PrivacyMode;
  k: number;
  template: SurveyTemplate;
}

export interface SurveyCreateFormView {
  title: string;
  description: string;
  k: string;
  defaultK: number;
  privacyModes: { value: PrivacyMode; label: string; help: string; checked: boolean }[];
  template: SurveyTemplate;
  errors: CoeFieldError[];
}

export function surveyCreateFormView(
  defaultK: number,
  body: CoeFormBody = {},
  errors: CoeFieldError[] = [],
): SurveyCreateFormView {
  const mode = formChoice(body, 'privacyMode', PRIVACY_MODES) ?? 'anonymous';
  return {
    title: formText(body, 'title') || 'AI tools we use',
    description: formText(body, 'description'),
    k: formText(body, 'k') || String(defaultK),
    defaultK,
    privacyModes: PRIVACY_MODES.map((m) => ({
      value: m,
      label: enumLabel(m),
      help: PRIVACY_MODE_HELP[m],
      checked: m === mode,
    })),
    template: templateOf(body),
    errors,
  };
}

function templateOf(body: CoeFormBody): SurveyTemplate {
  return formChoice(body, 'template', SURVEY_TEMPLATES) ?? 'ai-usage-inventory';
}

export function parseSurveyCreateForm(
  body: CoeFormBody,
  defaultK: number,
): { input?: SurveyCreateInput; errors: CoeFieldError[] } {
  const errors: CoeFieldError[] = [];
  const title = formText(body, 'title');
  if (title === '' || title.length > 200)
    errors.push({ field: 'title', message: 'Title: required, at most 200 characters' });
  const description = formText(body, 'description');
  if (description.length > 4000)
    errors.push({ field: 'description', message: 'Description: at most 4000 characters' });
  const privacyMode = formChoice(body, 'privacyMode', PRIVACY_MODES);
  if (!privacyMode)
    errors.push({
      field: 'privacyMode',
      message: `Privacy: choose one of ${PRIVACY_MODES.join(', ')}`,
    });
  const k = formInt(body, 'k', 'k (smallest group shown)', {
    min: 2,
    max: 1000,
    fallback: defaultK,
  });
  if (k.error) errors.push(k.error);
  if (errors.length > 0 || !privacyMode || k.value === undefined) return { errors };
  return {
    errors,
    input: {
      title,
      ...(description ? { description } : {}),
      privacyMode,
      k: k.value,
      template: templateOf(body),
    },
  };
}

/** Who to invite and how, from the invitation form. */
export interface SurveyInviteRequest {
  everyone?: boolean;
  teamId?: string;
  send: boolean;
  expiresInDays: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseInviteForm(
  body: CoeFormBody,
  opts: { reminder: boolean },
): { request?: SurveyInviteRequest; errors: CoeFieldError[] } {
  const errors: CoeFieldError[] = [];
  const days = formInt(body, 'expiresInDays', 'Links valid for (days)', {
    min: 1,
    max: 365,
    fallback: 30,
  });
  if (days.error) errors.push(days.error);
  const send = formText(body, 'delivery') === 'email' || formFlag(body, 'send');
  if (opts.reminder) {
    return days.value === undefined
      ? { errors }
      : { errors, request: { send, expiresInDays: days.value } };
  }
  const who = formText(body, 'audience');
  let audience: Pick<SurveyInviteRequest, 'everyone' | 'teamId'> | undefined;
  if (who === 'everyone') audience = { everyone: true };
  else if (UUID.test(who)) audience = { teamId: who.toLowerCase() };
  else errors.push({ field: 'audience', message: 'Invite: choose everyone or one team' });
  if (!audience || days.value === undefined) return { errors };
  return { errors, request: { ...audience, send, expiresInDays: days.value } };
}

export interface ResponseRateRowView {
  team: string;
  invited: number;
  responded: string;
  rate: string;
  /** 0..100 for a bar, null when suppressed */
  percent: number | null;
  suppressed: boolean;
}

export interface SurveyResultsView {
  k: number;
  respondents: string;
  suppressedAll: boolean;
  suppressedNote: string | null;
  invited: number;
  rateRows: ResponseRateRowView[];
  charts: { chart: ChartDef; title: string; table: { label: string; value: string }[] }[];
}

const SUPPRESSED = (k: number) => `fewer than ${k}`;

/** Results as the CoE page shows them: every count under k stays hidden, as the API hides it. */
export function surveyResultsView(
  results: SurveyResults,
  toolName: (id: string) => string,
): SurveyResultsView {
  const { k } = results;
  const rateRows = results.responseRateByTeam.map((r) => ({
    team: r.team,
    invited: r.invited,
    responded: r.responded === null ? SUPPRESSED(k) : String(r.responded),
    rate: r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`,
    percent: r.rate === null ? null : Math.round(r.rate * 100),
    suppressed: r.suppressed,
  }));
  const charts: SurveyResultsView['charts'] = [];
  const shownTools = results.toolUse.filter((t) => t.respondents !== null);
  if (shownTools.length > 0) {
    charts.push(
      barChart(
        'survey-tool-use',
        'Respondents per tool',
        shownTools.map((t) => ({ label: toolName(t.toolId), value: t.respondents as number })),
        results.toolUse
          .filter((t) => t.respondents === null)
          .map((t) => ({ label: toolName(t.toolId), value: SUPPRESSED(k) })),
      ),
    );
  }
  const data = Object.entries(results.dataShared);
  if (data.some(([, n]) => n !== null && n > 0)) {
    charts.push(
      barChart(
        'survey-data-shared',
        'Data respondents share with AI tools',
        data
          .filter(([, n]) => n !== null)
          .map(([c, n]) => ({ label: enumLabel(c), value: n as number })),
        data
          .filter(([, n]) => n === null)
          .map(([c]) => ({ label: enumLabel(c), value: SUPPRESSED(k) })),
      ),
    );
  }
  return {
    k,
    respondents: results.respondents === null ? SUPPRESSED(k) : String(results.respondents),
    suppressedAll: results.suppressedAll,
    suppressedNote: results.suppressedAll
      ? `Fewer than ${k} people have answered: results appear once at least ${k} have.`
      : null,
    invited: results.responseRateByTeam.reduce((n, r) => n + r.invited, 0),
    rateRows,
    charts,
  };
}

function barChart(
  id: string,
  title: string,
  shown: { label: string; value: number }[],
  hidden: { label: string; value: string }[],
): SurveyResultsView['charts'][number] {
  return {
    title,
    chart: {
      id,
      type: 'bar',
      data: {
        labels: shown.map((s) => s.label),
        datasets: [{ label: title, data: shown.map((s) => s.value), backgroundColor: '#2f5bea' }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    table: [...shown.map((s) => ({ label: s.label, value: String(s.value) })), ...hidden],
  };
}
