/** The words a nudge template may use, each filled in per person and tool. */
export const NUDGE_PLACEHOLDERS = [
  'name',
  'tool',
  'policyStatus',
  'policy',
  'alternative',
  'aupTitle',
  'aupVersion',
  'aupUrl',
  'ackUrl',
  'requestUrl',
  'expires',
] as const;
export type NudgePlaceholder = (typeof NUDGE_PLACEHOLDERS)[number];

/** Filled in only when the links are issued, so no stored message holds a link's secret. */
export const LINK_PLACEHOLDERS: readonly NudgePlaceholder[] = ['ackUrl', 'requestUrl', 'expires'];

export interface NudgeTemplateText {
  subject: string;
  body: string;
}

export const DEFAULT_NUDGE_TEMPLATE: NudgeTemplateText = {
  subject: 'About your use of {{tool}}',
  body: [
    'Hello {{name}},',
    '',
    'our records suggest you have used {{tool}} for work. We are not writing to blame anyone:',
    'we want to make sure everyone can use AI tools safely.',
    '',
    'What the policy says about {{tool}}: {{policy}}',
    'The approved alternative: {{alternative}}',
    '',
    'Please read the acceptable-use policy "{{aupTitle}}" (version {{aupVersion}}) {{aupUrl}}',
    'and confirm you have read it here:',
    '{{ackUrl}}',
    '',
    'If {{tool}} matters for your work, ask the AI Centre of Excellence to review it:',
    '{{requestUrl}}',
    '',
    'Both links are personal and expire on {{expires}}.',
  ].join('\n'),
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Problems of an edited template: unknown placeholders, a missing acknowledgement link. */
export function templateProblems(t: NudgeTemplateText): string[] {
  const problems: string[] = [];
  for (const [field, text] of Object.entries(t) as [keyof NudgeTemplateText, string][]) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (!(NUDGE_PLACEHOLDERS as readonly string[]).includes(m[1]))
        problems.push(
          `${field}: unknown placeholder {{${m[1]}}} (known: ${NUDGE_PLACEHOLDERS.join(', ')})`,
        );
    }
  }
  if (/[\r\n]/.test(t.subject)) problems.push('subject: must be one line');
  if (!/\{\{\s*ackUrl\s*\}\}/.test(t.body))
    problems.push('body: must contain {{ackUrl}}, the acknowledgement link');
  return problems;
}

/**
 * Fills the placeholders given; the others are kept as they are, to be filled later (the links)
 * or, when `final`, removed.
 */
export function fillTemplate(
  text: string,
  values: Partial<Record<NudgePlaceholder, string>>,
  final = false,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name as NudgePlaceholder];
    if (v !== undefined) return v;
    return final ? '' : whole;
  });
}
