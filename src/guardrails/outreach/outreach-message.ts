import type { SurveyMessage } from '../../surveys/mail/survey-message';
import { escapeHtml } from '../../surveys/form/form.renderer';
import type { ToolRequestDecision } from './outreach.types';

// Names and titles come from people: a line break in a subject would be a header injection.
const oneLine = (v: string) => v.replace(/[\r\n\t]+/g, ' ').trim();

/** Plain text as simple HTML: paragraphs kept, links made clickable, everything escaped. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) =>
      escapeHtml(p)
        .replace(/(https?:\/\/[^\s<>"']+)/g, '<a href="$1">$1</a>')
        .replace(/\n/g, '<br>'),
    )
    .map((p) => `<p>${p}</p>`);
  return [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs,
    '</body></html>',
    '',
  ].join('\n');
}

function message(subject: string, text: string): SurveyMessage {
  return { subject: oneLine(subject), text, html: textToHtml(text) };
}

export function clarificationMessage(i: {
  toolName: string;
  recipientName: string | null;
  url: string;
  expiresAt: Date;
}): SurveyMessage {
  const tool = oneLine(i.toolName);
  const text = [
    i.recipientName ? `Hello ${oneLine(i.recipientName)},` : 'Hello,',
    '',
    `a quick question from the AI Centre of Excellence: do you use ${tool} for work, and with which kinds of data?`,
    '',
    'Our records may be wrong; your answer corrects them. It takes a minute:',
    i.url,
    '',
    `The link is personal and works once. It expires on ${i.expiresAt.toISOString().slice(0, 10)}.`,
    '',
  ].join('\n');
  return message(`Do you use ${tool} for work?`, text);
}

/** A nudge as rendered for the person, its links already filled in. */
export function nudgeMessage(subject: string, body: string): SurveyMessage {
  return message(subject, body.endsWith('\n') ? body : `${body}\n`);
}

const DECIDED: Record<string, string> = {
  sanctioned: 'approved',
  tolerated: 'tolerated',
  'under-review': 'kept under review',
  prohibited: 'not allowed',
  unreviewed: 'left unreviewed',
};

export function decisionMessage(i: {
  toolName: string;
  decision: ToolRequestDecision;
}): SurveyMessage {
  const tool = oneLine(i.toolName);
  const d = i.decision;
  const scope = d.dataClasses.length ? ` for ${d.dataClasses.join(', ')} data` : '';
  const tenant = d.tenantBound ? ", through the organisation's own account only" : '';
  const text = [
    'Hello,',
    '',
    `the AI Centre of Excellence has decided on your request to review ${tool}: it is ${DECIDED[d.status] ?? d.status}${scope}${tenant}.`,
    ...(d.note ? ['', d.note] : []),
    '',
    'Thank you for asking.',
    '',
  ].join('\n');
  return message(`Decision on ${tool}: ${DECIDED[d.status] ?? d.status}`, text);
}
