import type { PrivacyMode } from '../survey.types';
import { privacyStatement } from '../survey.types';

export type SurveyMailKind = 'invitation' | 'reminder';

export interface SurveyMessageInput {
  kind: SurveyMailKind;
  surveyTitle: string;
  privacyMode: PrivacyMode;
  k: number;
  /** the recipient's personal, single-use link */
  url: string;
  recipientName: string | null;
  expiresAt: Date;
}

export interface SurveyMessage {
  subject: string;
  text: string;
  html: string;
}

/** One person's invitation or reminder: the same words as plain text and as simple HTML. */
export function buildSurveyMessage(input: SurveyMessageInput): SurveyMessage {
  const title = oneLine(input.surveyTitle);
  const subject =
    input.kind === 'invitation' ? `Survey: ${title}` : `Reminder: survey "${title}" awaits you`;
  const greeting = input.recipientName ? `Hello ${oneLine(input.recipientName)},` : 'Hello,';
  const opening =
    input.kind === 'invitation'
      ? `you are invited to answer the survey "${title}".`
      : `you have not answered the survey "${title}" yet. Your earlier link no longer works; this one does.`;
  const privacy = privacyStatement(input.privacyMode, input.k);
  const expires = input.expiresAt.toISOString().slice(0, 10);
  const personal =
    'This link is personal and works once: please do not forward it. You can save your answers and come back later.';
  const text = [
    greeting,
    '',
    opening,
    '',
    privacy,
    '',
    'Your personal link:',
    input.url,
    '',
    `${personal} It expires on ${expires}.`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(opening)}</p>`,
    `<p>${escapeHtml(privacy)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">Answer the survey</a><br>${escapeHtml(input.url)}</p>`,
    `<p>${escapeHtml(personal)} It expires on ${expires}.</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}

// Titles and names come from people; a line break in a subject would be a header injection.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
