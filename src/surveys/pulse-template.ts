import type { ToolDefinition } from '../catalog/catalog.types';
import { DATA_OPTIONS, FREQUENCY_OPTIONS, toolOptionsOf } from './inventory-template';
import type { Condition, QuestionDefinition, SurveySection } from './survey.types';
import type { SurveyTextTranslations } from './i18n/survey-texts';
import { withTranslations } from './i18n/template-translations';

export const PULSE_TEMPLATE_TITLE = 'AI adoption and enablement pulse';
export const PULSE_TEMPLATE_TEXTS: SurveyTextTranslations = {
  de: { title: 'Puls zu KI-Einsatz und -Befähigung' },
  es: { title: 'Pulso de adopción y capacitación en IA' },
};

/** "If you use no AI tool, skip to barriers": questions about use are shown to users only. */
export const USES_AI: Condition = { question: 'frequency', op: 'not-equals', value: 'never' };

/** Three pages: the first question decides whether the second page applies. */
export const PULSE_SECTIONS: SurveySection[] = [
  {
    key: 'about',
    title: 'Your use of AI',
    translations: { de: { title: 'Ihre Nutzung von KI' }, es: { title: 'Su uso de la IA' } },
  },
  {
    key: 'using',
    title: 'Working with AI',
    showIf: USES_AI,
    translations: { de: { title: 'Arbeiten mit KI' }, es: { title: 'Trabajar con IA' } },
  },
  {
    key: 'enablement',
    title: 'Policy, barriers and training',
    translations: {
      de: { title: 'Richtlinie, Hürden und Schulung' },
      es: { title: 'Política, obstáculos y formación' },
    },
  },
];

export const LIFECYCLE_PHASES = [
  { value: 'planning-design', label: 'Planning and design' },
  { value: 'coding', label: 'Coding' },
  { value: 'review', label: 'Code review' },
  { value: 'testing', label: 'Testing' },
  { value: 'operations', label: 'Deployment and operations' },
  { value: 'docs', label: 'Documentation' },
];

/**
 * The quarterly pulse of an AI-native engineering programme: use across the lifecycle, time
 * saved, trust in validating output, policy clarity, strategy, barriers, training and tool
 * wishes. Its tools and data questions carry the roles correlation reads, so its answers count
 * as disclosures exactly like the inventory's.
 */
export function buildPulseTemplate(tools: ToolDefinition[]): QuestionDefinition[] {
  const toolOptions = toolOptionsOf(tools);
  const questions: QuestionDefinition[] = [
    {
      key: 'frequency',
      text: 'How often do you use AI tools for your work?',
      kind: 'single',
      required: true,
      role: 'frequency',
      options: FREQUENCY_OPTIONS,
      help: 'If you answer "Never", the questions about using AI are skipped.',
      section: 'about',
    },
    {
      key: 'tools',
      text: 'Which AI tools do you use for work?',
      kind: 'tool-picker',
      multiple: true,
      required: false,
      role: 'tools',
      options: toolOptions,
      section: 'using',
    },
    {
      key: 'phase_use',
      text: 'How much do you use AI in each phase of your work?',
      kind: 'matrix',
      required: false,
      items: LIFECYCLE_PHASES,
      scale: { min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'In most tasks' },
      section: 'using',
    },
    {
      key: 'time_saved',
      text: 'About how many hours a week do AI tools save you?',
      kind: 'number',
      required: false,
      number: { unit: 'hours per week', min: 0, max: 40 },
      help: 'Your best estimate; 0 if they save you no time.',
      section: 'using',
    },
    {
      key: 'confidence',
      text: 'How confident are you in validating AI output (spotting wrong or insecure suggestions)?',
      kind: 'likert',
      required: false,
      scale: { min: 1, max: 5, minLabel: 'Not confident', maxLabel: 'Very confident' },
      section: 'using',
    },
    {
      key: 'data',
      text: 'Which data goes into them?',
      kind: 'multiple',
      required: false,
      role: 'data-classes',
      options: DATA_OPTIONS,
      section: 'using',
    },
    {
      key: 'recommend',
      text: 'How likely are you to recommend the AI tools you have at work to a colleague?',
      kind: 'nps',
      required: false,
      scale: { min: 0, max: 10, minLabel: 'Not at all likely', maxLabel: 'Extremely likely' },
      section: 'using',
    },
    {
      key: 'policy_clarity',
      section: 'enablement',
      text: 'Do you know which AI tools are approved for which data?',
      kind: 'single',
      required: false,
      options: [
        { value: 'yes', label: 'Yes, clearly' },
        { value: 'partly', label: 'Partly' },
        { value: 'no', label: 'No' },
      ],
    },
    {
      key: 'strategy',
      section: 'enablement',
      text: 'Has leadership communicated an AI strategy for engineering?',
      kind: 'single',
      required: false,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'unsure', label: 'I am not sure' },
        { value: 'no', label: 'No' },
      ],
    },
    {
      key: 'barriers',
      section: 'enablement',
      text: 'What keeps you from using AI tools more?',
      kind: 'multiple',
      required: false,
      options: [
        { value: 'no-approved-tool', label: 'No approved tool for my work' },
        { value: 'unclear-policy', label: 'Unclear rules on what is allowed' },
        { value: 'data-concerns', label: 'Worries about data or security' },
        { value: 'quality', label: 'The output is not good enough' },
        { value: 'no-training', label: 'I do not know how to use them well' },
        { value: 'no-time', label: 'No time to learn' },
        { value: 'none', label: 'Nothing holds me back' },
      ],
    },
    {
      key: 'training',
      section: 'enablement',
      text: 'Which training would help you?',
      kind: 'multiple',
      required: false,
      options: [
        { value: 'prompting', label: 'Prompting and giving context' },
        { value: 'reviewing', label: 'Reviewing and testing AI-written code' },
        { value: 'secure-use', label: 'Using AI safely with company data' },
        { value: 'agents', label: 'Working with coding agents' },
        { value: 'policy', label: 'Our AI policy and approved tools' },
        { value: 'none', label: 'None needed' },
      ],
    },
    {
      key: 'wished_tool',
      section: 'enablement',
      text: 'Which AI tool do you wish were approved?',
      kind: 'tool-picker',
      multiple: true,
      required: false,
      role: 'wished-tool',
      options: toolOptions,
    },
    {
      key: 'comments',
      section: 'enablement',
      text: 'Anything else you would like to tell us?',
      kind: 'text',
      required: false,
      role: 'free-text',
    },
  ];
  return withTranslations(questions, 'pulse');
}
