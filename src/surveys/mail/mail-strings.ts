import type { FormLanguage } from '../i18n/languages';

/**
 * What invitation and reminder e-mails say, by key, in each form language. `{name}` marks a
 * value filled in when the mail is written; every language uses the same ones.
 */
const EN = {
  'subject.invitation': 'Survey: {title}',
  'subject.reminder': 'Reminder: survey "{title}" awaits you',
  'greeting.named': 'Hello {name},',
  'greeting.plain': 'Hello,',
  'opening.invitation': 'you are invited to answer the survey "{title}".',
  'opening.reminder':
    'you have not answered the survey "{title}" yet. Your earlier link no longer works; this one does.',
  'link.label': 'Your personal link:',
  'link.action': 'Answer the survey',
  personal:
    'This link is personal and works once: please do not forward it. You can save your answers and come back later.',
  expires: 'It expires on {date}.',
};

export type MailMessageKey = keyof typeof EN;
export type MailCatalog = Record<MailMessageKey, string>;

const DE: MailCatalog = {
  'subject.invitation': 'Umfrage: {title}',
  'subject.reminder': 'Erinnerung: Die Umfrage „{title}“ wartet auf Sie',
  'greeting.named': 'Hallo {name},',
  'greeting.plain': 'Hallo,',
  'opening.invitation': 'Sie sind eingeladen, an der Umfrage „{title}“ teilzunehmen.',
  'opening.reminder':
    'Sie haben die Umfrage „{title}“ noch nicht beantwortet. Ihr früherer Link funktioniert nicht mehr, dieser hier schon.',
  'link.label': 'Ihr persönlicher Link:',
  'link.action': 'Zur Umfrage',
  personal:
    'Dieser Link ist persönlich und funktioniert nur einmal: Bitte leiten Sie ihn nicht weiter. Sie können Ihre Antworten speichern und später weitermachen.',
  expires: 'Er läuft am {date} ab.',
};

const ES: MailCatalog = {
  'subject.invitation': 'Encuesta: {title}',
  'subject.reminder': 'Recordatorio: la encuesta «{title}» le espera',
  'greeting.named': 'Hola, {name}:',
  'greeting.plain': 'Hola:',
  'opening.invitation': 'Le invitamos a responder la encuesta «{title}».',
  'opening.reminder':
    'Todavía no ha respondido la encuesta «{title}». Su enlace anterior ya no funciona; este sí.',
  'link.label': 'Su enlace personal:',
  'link.action': 'Responder la encuesta',
  personal:
    'Este enlace es personal y funciona una sola vez: no lo reenvíe. Puede guardar sus respuestas y continuar más tarde.',
  expires: 'Caduca el {date}.',
};

export const MAIL_CATALOGS: Record<FormLanguage, MailCatalog> = { en: EN, de: DE, es: ES };

/** A mail message in a language, its `{name}` placeholders filled in. */
export function sayMail(
  lang: FormLanguage,
  key: MailMessageKey,
  params: Record<string, string> = {},
): string {
  return MAIL_CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : params[name],
  );
}
