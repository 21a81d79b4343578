import type { DataClass, PolicyStatus } from '../catalog/catalog.types';
import type { FactPlan } from '../catalog/facts/vendor-facts.types';

/** The tools of the demo organisation, named by what the logs and answers show; ids come from the catalog. */
export interface DemoToolProfile {
  key: string;
  /** host the tool talks to, as a proxy or TLS sensor sees it */
  host: string;
  /** how a respondent names it */
  surveyName: string;
  /** share of people using it, before team multipliers */
  adoption: number;
  policy: {
    status: PolicyStatus;
    allowedDataClasses: DataClass[];
    tenantBound: boolean;
    /** the plan the organisation holds (its vendor facts govern sanctioned use) */
    plan?: FactPlan;
  };
  /** bytes per request, rough */
  bytesPerRequest: number;
}

export const DEMO_TOOLS: DemoToolProfile[] = [
  {
    key: 'copilot',
    host: 'copilot-proxy.githubusercontent.com',
    surveyName: 'GitHub Copilot',
    adoption: 0.42,
    policy: {
      status: 'sanctioned',
      allowedDataClasses: ['public', 'internal', 'confidential'],
      tenantBound: true,
      // Copilot Business seats: the organisation's own tenant
      plan: 'team',
    },
    bytesPerRequest: 9_000,
  },
  {
    key: 'chatgpt',
    host: 'chatgpt.com',
    surveyName: 'ChatGPT',
    adoption: 0.34,
    policy: { status: 'tolerated', allowedDataClasses: ['public', 'internal'], tenantBound: false },
    bytesPerRequest: 40_000,
  },
  {
    key: 'claude',
    host: 'claude.ai',
    surveyName: 'Claude',
    adoption: 0.14,
    policy: { status: 'under-review', allowedDataClasses: [], tenantBound: false },
    bytesPerRequest: 55_000,
  },
  {
    key: 'cursor',
    host: 'api2.cursor.sh',
    surveyName: 'Cursor',
    adoption: 0.13,
    policy: { status: 'unreviewed', allowedDataClasses: [], tenantBound: false },
    bytesPerRequest: 30_000,
  },
  {
    key: 'gemini',
    host: 'gemini.google.com',
    surveyName: 'Gemini',
    adoption: 0.07,
    policy: { status: 'unreviewed', allowedDataClasses: [], tenantBound: false },
    bytesPerRequest: 35_000,
  },
  {
    key: 'perplexity',
    host: 'www.perplexity.ai',
    surveyName: 'Perplexity',
    adoption: 0.06,
    policy: { status: 'unreviewed', allowedDataClasses: [], tenantBound: false },
    bytesPerRequest: 20_000,
  },
  {
    key: 'deepseek',
    host: 'chat.deepseek.com',
    surveyName: 'DeepSeek',
    adoption: 0.035,
    policy: { status: 'prohibited', allowedDataClasses: [], tenantBound: false },
    bytesPerRequest: 45_000,
  },
];

/** Teams, their size and how much more (or less) AI they use than average. */
export const DEMO_TEAMS: { team: string; headcount: number; appetite: number }[] = [
  { team: 'Platform', headcount: 28, appetite: 1.2 },
  { team: 'Payments', headcount: 24, appetite: 0.9 },
  { team: 'Mobile', headcount: 22, appetite: 1.1 },
  { team: 'Data Science', headcount: 20, appetite: 1.6 },
  { team: 'Web', headcount: 30, appetite: 1.3 },
  { team: 'Identity', headcount: 18, appetite: 0.8 },
  { team: 'Infrastructure', headcount: 16, appetite: 0.9 },
  { team: 'Clinical Records', headcount: 14, appetite: 0.7 },
  { team: 'QA', headcount: 16, appetite: 0.8 },
  { team: 'Security', headcount: 8, appetite: 0.5 },
  { team: 'Design', headcount: 4, appetite: 1.4 },
];

export const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Leo',
  'Maya',
  'Nils',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
];
export const LAST_NAMES = [
  'Abbott',
  'Berg',
  'Costa',
  'Duarte',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
];

export const NOISE_HOSTS = [
  'github.com',
  'www.google.com',
  'slack.com',
  'registry.npmjs.org',
  'pypi.org',
  'docs.aws.amazon.com',
  'stackoverflow.com',
  'login.microsoftonline.com',
];
