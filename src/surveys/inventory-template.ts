import type { DataClass, ToolDefinition } from '../catalog/catalog.types';
import type { SurveyTextTranslations } from './i18n/survey-texts';
import { withTranslations } from './i18n/template-translations';
import type { QuestionDefinition } from './survey.types';

export const FREQUENCY_OPTIONS = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'rarely', label: 'Rarely' },
  { value: 'never', label: 'Never' },
];

export const WORK_KIND_OPTIONS = [
  { value: 'planning-design', label: 'Planning and design' },
  { value: 'coding', label: 'Writing code' },
  { value: 'review', label: 'Code review' },
  { value: 'testing', label: 'Testing' },
  { value: 'operations', label: 'Operations' },
  { value: 'docs', label: 'Documentation' },
];

export const DATA_OPTIONS = [
  { value: 'public-code', label: 'Public or open-source code' },
  { value: 'internal-code', label: 'Internal source code' },
  { value: 'customer-data', label: 'Customer data or personal data (PII)' },
  { value: 'health-data', label: 'Health data' },
  { value: 'credentials', label: 'Credentials, keys or secrets' },
  { value: 'none', label: 'None of these' },
];

/** Survey data answers in the catalog's data classes, for policy and risk. */
export const DATA_OPTION_CLASS: Record<string, DataClass | undefined> = {
  'public-code': 'public',
  'internal-code': 'internal',
  'customer-data': 'pii',
  'health-data': 'phi',
  credentials: 'confidential',
  none: undefined,
};

export const APPROVAL_OPTIONS = [
  { value: 'approved', label: 'Yes, approved for my work' },
  { value: 'not-approved', label: 'No, not approved' },
  { value: 'unsure', label: 'I am not sure' },
];

export const ACCOUNT_OPTIONS = [
  { value: 'company', label: 'A company account' },
  { value: 'personal', label: 'A personal account' },
  { value: 'both', label: 'Both' },
];

export const INVENTORY_TEMPLATE_TITLE = 'AI-usage inventory';
export const INVENTORY_TEMPLATE_TEXTS: SurveyTextTranslations = {
  de: { title: 'Bestandsaufnahme der KI-Nutzung' },
  es: { title: 'Inventario del uso de IA' },
};

/** A tool picker's options: every named catalog tool, by name. */
export function toolOptionsOf(tools: ToolDefinition[]): { value: string; label: string }[] {
  return tools
    .filter((tool) => !tool.generic)
    .map((tool) => ({ value: tool.id, label: tool.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The built-in AI-usage inventory, its tool lists drawn from the catalog. */
export function buildInventoryTemplate(tools: ToolDefinition[]): QuestionDefinition[] {
  const toolOptions = toolOptionsOf(tools);
  const questions: QuestionDefinition[] = [
    {
      key: 'tools',
      text: 'Which AI tools do you use for work?',
      kind: 'tool-picker',
      multiple: true,
      required: false,
      role: 'tools',
      options: toolOptions,
      help: 'Tick every tool you have used in the last three months.',
    },
    {
      key: 'tools_other',
      text: 'Other AI tools not in the list',
      kind: 'text',
      required: false,
      role: 'tools-other',
      help: 'Names separated by commas.',
    },
    {
      key: 'frequency',
      text: 'How often do you use AI tools?',
      kind: 'single',
      required: true,
      role: 'frequency',
      options: FREQUENCY_OPTIONS,
    },
    {
      key: 'work_kinds',
      text: 'For which kinds of work?',
      kind: 'multiple',
      required: false,
      role: 'work-kinds',
      options: WORK_KIND_OPTIONS,
    },
    {
      key: 'data',
      text: 'Which data goes into them?',
      kind: 'multiple',
      required: false,
      role: 'data-classes',
      options: DATA_OPTIONS,
    },
    {
      key: 'approved',
      text: 'Are the tools you use approved by the company?',
      kind: 'single',
      required: false,
      role: 'approval',
      options: APPROVAL_OPTIONS,
    },
    {
      key: 'account',
      text: 'Do you use them with a company or a personal account?',
      kind: 'single',
      required: false,
      role: 'account',
      options: ACCOUNT_OPTIONS,
    },
    {
      key: 'wished_tool',
      text: 'Which tool do you wish were sanctioned?',
      kind: 'tool-picker',
      multiple: true,
      required: false,
      role: 'wished-tool',
      options: toolOptions,
    },
    {
      key: 'comments',
      text: 'Anything else you would like to tell us?',
      kind: 'text',
      required: false,
      role: 'free-text',
    },
  ];
  return withTranslations(questions, 'inventory');
}
