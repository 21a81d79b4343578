import { localPrivacyStatement } from '../i18n/form-strings';
import type { FormLanguage } from '../i18n/languages';
import type { PrivacyMode } from '../survey.types';
import { sayMail } from './mail-strings';

export type SurveyMailKind = 'invitation' | 'reminder';

export interface SurveyMessageInput {
  kind: SurveyMailKind;
  /** the language the mail is written in; the title is expected already in it */
  lang?: FormLanguage;
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
  const lang = input.lang ?? 'en';
  const title = oneLine(input.surveyTitle);
  const subject = sayMail(lang, `subject.${input.kind}`, { title });
  const greeting = input.recipientName
    ? sayMail(lang, 'greeting.named', { name: oneLine(input.recipientName) })
    : sayMail(lang, 'greeting.plain');
  const opening = sayMail(lang, `opening.${input.kind}`, { title });
  const privacy = localPrivacyStatement(lang, input.privacyMode, input.k);
  const expires = sayMail(lang, 'expires', { date: input.expiresAt.toISOString().slice(0, 10) });
  const personal = sayMail(lang, 'personal');
  const text = [
    greeting,
    '',
    opening,
    '',
    privacy,
    '',
    sayMail(lang, 'link.label'),
    input.url,
    '',
    `${personal} ${expires}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(opening)}</p>`,
    `<p>${escapeHtml(privacy)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(sayMail(lang, 'link.action'))}</a><br>${escapeHtml(input.url)}</p>`,
    `<p>${escapeHtml(`${personal} ${expires}`)}</p>`,
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
