import { PRIVACY_STATEMENTS, type PrivacyMode } from '../survey.types';
import type { FormLanguage } from './languages';

/** Everything the respondent's form says besides the questions themselves. */
export interface FormStrings {
  submit: string;
  save: string;
  next: string;
  back: string;
  privacy: string;
  required: string;
  checkAnswers: (n: number) => string;
  needsAnswer: (question: string) => string;
  saved: string;
  thankYouTitle: string;
  thankYou: (title: string) => string;
  language: string;
  privacyStatements: Record<PrivacyMode, string>;
}

const EN: FormStrings = {
  submit: 'Submit answers',
  save: 'Save and finish later',
  next: 'Next',
  back: 'Back',
  privacy: 'Privacy:',
  required: '(required)',
  checkAnswers: (n) => `Please check ${n === 1 ? 'one answer' : `${n} answers`}`,
  needsAnswer: (q) => `"${q}" needs an answer.`,
  saved: 'Your answers are saved.',
  thankYouTitle: 'Thank you',
  thankYou: (t) => `Your answers to "${t}" have been recorded. You can close this page.`,
  language: 'Language',
  privacyStatements: PRIVACY_STATEMENTS,
};

const DE: FormStrings = {
  submit: 'Antworten absenden',
  save: 'Speichern und später fortfahren',
  next: 'Weiter',
  back: 'Zurück',
  privacy: 'Datenschutz:',
  required: '(Pflichtfeld)',
  checkAnswers: (n) => `Bitte prüfen Sie ${n === 1 ? 'eine Antwort' : `${n} Antworten`}`,
  needsAnswer: (q) => `„${q}“ braucht eine Antwort.`,
  saved: 'Ihre Antworten sind gespeichert.',
  thankYouTitle: 'Vielen Dank',
  thankYou: (t) =>
    `Ihre Antworten auf „${t}“ wurden gespeichert. Sie können diese Seite jetzt schließen.`,
  language: 'Sprache',
  privacyStatements: {
    identified:
      'Namentliche Umfrage: Ihre Antworten werden mit Ihrem Namen gespeichert, damit das KI-Kompetenzzentrum bei Ihnen nachfragen kann. Berichte für Teams und Führung zeigen nur Summen von mindestens {k} Personen.',
    pseudonymous:
      'Pseudonyme Umfrage: Ihre Antworten werden unter einem aus Ihrer Identität abgeleiteten Code gespeichert, nicht unter Ihrem Namen. Nur das Sicherheitsteam kann den Code einem Namen zuordnen, um Antworten mit dem zu vergleichen, was Systeme beobachten. Berichte für Teams und Führung zeigen nur Summen von mindestens {k} Personen.',
    anonymous:
      'Anonyme Umfrage: Nichts, was Ihre Antworten mit Ihnen verbindet, wird gespeichert – kein Name, keine Einladung, kein Link-Code, keine IP-Adresse und nur der Tag Ihrer Antwort. Ergebnisse zeigen nur Summen von mindestens {k} Personen.',
  },
};

const ES: FormStrings = {
  submit: 'Enviar respuestas',
  save: 'Guardar y terminar más tarde',
  next: 'Siguiente',
  back: 'Atrás',
  privacy: 'Privacidad:',
  required: '(obligatoria)',
  checkAnswers: (n) => `Revise ${n === 1 ? 'una respuesta' : `${n} respuestas`}`,
  needsAnswer: (q) => `«${q}» necesita una respuesta.`,
  saved: 'Sus respuestas se han guardado.',
  thankYouTitle: 'Gracias',
  thankYou: (t) => `Sus respuestas a «${t}» se han registrado. Ya puede cerrar esta página.`,
  language: 'Idioma',
  privacyStatements: {
    identified:
      'Encuesta identificada: sus respuestas se guardan con su nombre para que el Centro de Excelencia en IA pueda hacerle un seguimiento. Los informes para equipos y dirección solo muestran totales de al menos {k} personas.',
    pseudonymous:
      'Encuesta seudónima: sus respuestas se guardan con un código derivado de su identidad, no con su nombre. Solo el equipo de seguridad puede convertir el código en un nombre, para comparar las respuestas con lo que observan los sistemas. Los informes para equipos y dirección solo muestran totales de al menos {k} personas.',
    anonymous:
      'Encuesta anónima: no se guarda nada que vincule sus respuestas con usted: ni nombre, ni invitación, ni código de enlace, ni dirección IP, y solo el día en que respondió. Los resultados solo muestran totales de al menos {k} personas.',
  },
};

export const FORM_STRINGS: Record<FormLanguage, FormStrings> = { en: EN, de: DE, es: ES };

/** The privacy statement in the respondent's language, with the survey's k. */
export function localPrivacyStatement(lang: FormLanguage, mode: PrivacyMode, k: number): string {
  return FORM_STRINGS[lang].privacyStatements[mode].replace('{k}', String(k));
}

/** The names of the languages in themselves, for the language links on the form. */
export const LANGUAGE_NAMES: Record<FormLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
};
