import { PRIVACY_STATEMENTS, type PrivacyMode } from '../survey.types';
import type { FormLanguage } from './languages';

/**
 * Everything the respondent's pages say besides the questions themselves, by key, in each form
 * language. `{name}` marks a value filled in at run time; every language uses the same ones.
 */
const EN = {
  'form.submit': 'Submit answers',
  'form.save': 'Save and finish later',
  'form.next': 'Next',
  'form.back': 'Back',
  'form.privacy': 'Privacy:',
  'form.required': '(required)',
  'form.language': 'Language',
  'form.page': 'Page {page} of {count}',
  'form.checkOne': 'Please check one answer',
  'form.checkMany': 'Please check {n} answers',
  'form.rankingHow': 'Give each a position: 1 for the first, {last} for the last.',
  'form.npsLow': 'Not at all likely',
  'form.npsHigh': 'Extremely likely',

  'notice.saved': 'Your answers are saved. Open the same link to continue.',
  'notice.savedHere': 'Your answers are saved. Open this page’s address (bookmark it) to continue.',
  'notice.savedNewLink': 'Your answers are saved. Bookmark this page’s address to continue later.',
  'notice.broughtUpOne':
    'Your answers bring up one more question on this page. Answer it, then continue.',
  'notice.broughtUpMany':
    'Your answers bring up {n} more questions on this page. Answer them, then continue.',

  'error.required': '"{question}" needs an answer.',
  'error.choiceOne': 'Choose one of the listed answers for "{question}".',
  'error.choiceListed': 'Choose only listed answers for "{question}".',
  'error.toolListed': 'Choose only listed tools for "{question}".',
  'error.toolOne': 'Choose one tool for "{question}".',
  'error.matrixRow': 'Choose one of the listed answers for "{row}" in "{question}".',
  'error.matrixIncomplete': 'Answer every row of "{question}" (missing: {rows}).',
  'error.number': 'Enter a number for "{question}".',
  'error.numberUnit': 'Enter a number of {unit} for "{question}".',
  'error.wholeNumber': 'Enter a whole number for "{question}".',
  'error.numberRange': 'Enter a number from {min} to {max} for "{question}".',
  'error.numberRangeUnit': 'Enter a number from {min} to {max} {unit} for "{question}".',
  'error.scaleRange': 'Pick a number from {min} to {max} for "{question}".',
  'error.rankPosition': 'Give "{option}" a position from 1 to {last} in "{question}".',
  'error.rankDuplicate':
    '"{first}" and "{second}" both have position {position} in "{question}"; give each a different position.',
  'error.rankIncomplete': 'Give every option of "{question}" a position, or none.',
  'error.textLength': 'Keep "{question}" under {max} characters.',

  'page.thankYouTitle': 'Thank you',
  'page.thankYou': 'Your answers to "{survey}" have been recorded. You can close this page.',
  'page.invalidTitle': 'Link not recognised',
  'page.invalid':
    'This survey link is not valid. Check that you copied the whole link, or ask the sender for a new one.',
  'page.usedTitle': 'Link already used',
  'page.used':
    'This survey link has already been used to send answers, and each link works once. If you did not send them, ask the AI Centre of Excellence for a new link.',
  'page.expiredTitle': 'Link expired',
  'page.expired':
    'This survey link has expired. Ask the AI Centre of Excellence for a new link if the survey is still running.',
  'page.closedTitle': 'Survey closed',
  'page.closed': 'This survey is closed and no longer takes answers. Thank you for your interest.',

  'privacy.identified': PRIVACY_STATEMENTS.identified,
  'privacy.pseudonymous': PRIVACY_STATEMENTS.pseudonymous,
  'privacy.anonymous': PRIVACY_STATEMENTS.anonymous,
};

export type FormMessageKey = keyof typeof EN;
export type FormCatalog = Record<FormMessageKey, string>;
export type MessageParams = Record<string, string | number | undefined>;

/** A message not yet put in words: the kinds' validation says what, the page says it in a language. */
export interface FormMessage {
  key: FormMessageKey;
  params?: MessageParams;
}

const DE: FormCatalog = {
  'form.submit': 'Antworten absenden',
  'form.save': 'Speichern und später fortfahren',
  'form.next': 'Weiter',
  'form.back': 'Zurück',
  'form.privacy': 'Datenschutz:',
  'form.required': '(erforderlich)',
  'form.language': 'Sprache',
  'form.page': 'Seite {page} von {count}',
  'form.checkOne': 'Bitte prüfen Sie eine Antwort',
  'form.checkMany': 'Bitte prüfen Sie {n} Antworten',
  'form.rankingHow': 'Geben Sie jeder Option einen Platz: 1 für die erste, {last} für die letzte.',
  'form.npsLow': 'Überhaupt nicht wahrscheinlich',
  'form.npsHigh': 'Äußerst wahrscheinlich',

  'notice.saved': 'Ihre Antworten sind gespeichert. Öffnen Sie denselben Link, um fortzufahren.',
  'notice.savedHere':
    'Ihre Antworten sind gespeichert. Öffnen Sie die Adresse dieser Seite (als Lesezeichen speichern), um fortzufahren.',
  'notice.savedNewLink':
    'Ihre Antworten sind gespeichert. Speichern Sie die Adresse dieser Seite als Lesezeichen, um später fortzufahren.',
  'notice.broughtUpOne':
    'Ihre Antworten führen zu einer weiteren Frage auf dieser Seite. Beantworten Sie sie und fahren Sie dann fort.',
  'notice.broughtUpMany':
    'Ihre Antworten führen zu {n} weiteren Fragen auf dieser Seite. Beantworten Sie sie und fahren Sie dann fort.',

  'error.required': '„{question}“ braucht eine Antwort.',
  'error.choiceOne': 'Wählen Sie eine der aufgeführten Antworten für „{question}“.',
  'error.choiceListed': 'Wählen Sie nur aufgeführte Antworten für „{question}“.',
  'error.toolListed': 'Wählen Sie nur aufgeführte Werkzeuge für „{question}“.',
  'error.toolOne': 'Wählen Sie ein Werkzeug für „{question}“.',
  'error.matrixRow': 'Wählen Sie eine der aufgeführten Antworten für „{row}“ in „{question}“.',
  'error.matrixIncomplete': 'Beantworten Sie jede Zeile von „{question}“ (es fehlt: {rows}).',
  'error.number': 'Geben Sie eine Zahl für „{question}“ ein.',
  'error.numberUnit': 'Geben Sie eine Zahl ({unit}) für „{question}“ ein.',
  'error.wholeNumber': 'Geben Sie eine ganze Zahl für „{question}“ ein.',
  'error.numberRange': 'Geben Sie eine Zahl von {min} bis {max} für „{question}“ ein.',
  'error.numberRangeUnit': 'Geben Sie eine Zahl von {min} bis {max} {unit} für „{question}“ ein.',
  'error.scaleRange': 'Wählen Sie eine Zahl von {min} bis {max} für „{question}“.',
  'error.rankPosition': 'Geben Sie „{option}“ einen Platz von 1 bis {last} in „{question}“.',
  'error.rankDuplicate':
    '„{first}“ und „{second}“ haben beide Platz {position} in „{question}“; geben Sie jeder Option einen anderen Platz.',
  'error.rankIncomplete': 'Geben Sie jeder Option von „{question}“ einen Platz oder keiner.',
  'error.textLength': 'Fassen Sie „{question}“ in weniger als {max} Zeichen.',

  'page.thankYouTitle': 'Vielen Dank',
  'page.thankYou':
    'Ihre Antworten auf „{survey}“ wurden gespeichert. Sie können diese Seite jetzt schließen.',
  'page.invalidTitle': 'Link nicht erkannt',
  'page.invalid':
    'Dieser Umfragelink ist ungültig. Prüfen Sie, ob Sie den ganzen Link kopiert haben, oder bitten Sie den Absender um einen neuen.',
  'page.usedTitle': 'Link bereits verwendet',
  'page.used':
    'Mit diesem Umfragelink wurden bereits Antworten gesendet, und jeder Link funktioniert nur einmal. Wenn Sie sie nicht gesendet haben, bitten Sie das KI-Kompetenzzentrum um einen neuen Link.',
  'page.expiredTitle': 'Link abgelaufen',
  'page.expired':
    'Dieser Umfragelink ist abgelaufen. Bitten Sie das KI-Kompetenzzentrum um einen neuen Link, wenn die Umfrage noch läuft.',
  'page.closedTitle': 'Umfrage geschlossen',
  'page.closed':
    'Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an. Vielen Dank für Ihr Interesse.',

  'privacy.identified':
    'Namentliche Umfrage: Ihre Antworten werden mit Ihrem Namen gespeichert, damit das KI-Kompetenzzentrum bei Ihnen nachfragen kann. Berichte für Teams und Führung zeigen nur Summen von mindestens {k} Personen.',
  'privacy.pseudonymous':
    'Pseudonyme Umfrage: Ihre Antworten werden unter einem aus Ihrer Identität abgeleiteten Code gespeichert, nicht unter Ihrem Namen, zusammen mit Ihrem damaligen Team. Nur das Sicherheitsteam kann den Code einem Namen zuordnen, um Antworten mit dem zu vergleichen, was Systeme beobachten. Berichte für Teams und Führung zeigen nur Summen von mindestens {k} Personen.',
  'privacy.anonymous':
    'Anonyme Umfrage: Nichts, was Ihre Antworten mit Ihnen verbindet, wird gespeichert – kein Name, keine Einladung, kein Link-Code, keine IP-Adresse und nur der Tag Ihrer Antwort. Eine Antwort über Ihre persönliche Einladung behält Ihr Team, und nur wenn das Team mindestens {k} Personen hat. Ergebnisse zeigen nur Summen von mindestens {k} Personen.',
};

const ES: FormCatalog = {
  'form.submit': 'Enviar respuestas',
  'form.save': 'Guardar y terminar más tarde',
  'form.next': 'Siguiente',
  'form.back': 'Atrás',
  'form.privacy': 'Privacidad:',
  'form.required': '(obligatoria)',
  'form.language': 'Idioma',
  'form.page': 'Página {page} de {count}',
  'form.checkOne': 'Revise una respuesta',
  'form.checkMany': 'Revise {n} respuestas',
  'form.rankingHow': 'Dé a cada opción una posición: 1 para la primera, {last} para la última.',
  'form.npsLow': 'Nada probable',
  'form.npsHigh': 'Muy probable',

  'notice.saved': 'Sus respuestas se han guardado. Abra el mismo enlace para continuar.',
  'notice.savedHere':
    'Sus respuestas se han guardado. Abra la dirección de esta página (guárdela en marcadores) para continuar.',
  'notice.savedNewLink':
    'Sus respuestas se han guardado. Guarde la dirección de esta página en marcadores para continuar más tarde.',
  'notice.broughtUpOne':
    'Sus respuestas muestran una pregunta más en esta página. Respóndala y luego continúe.',
  'notice.broughtUpMany':
    'Sus respuestas muestran {n} preguntas más en esta página. Respóndalas y luego continúe.',

  'error.required': '«{question}» necesita una respuesta.',
  'error.choiceOne': 'Elija una de las respuestas de la lista para «{question}».',
  'error.choiceListed': 'Elija solo respuestas de la lista para «{question}».',
  'error.toolListed': 'Elija solo herramientas de la lista para «{question}».',
  'error.toolOne': 'Elija una sola herramienta para «{question}».',
  'error.matrixRow': 'Elija una de las respuestas de la lista para «{row}» en «{question}».',
  'error.matrixIncomplete': 'Responda cada fila de «{question}» (faltan: {rows}).',
  'error.number': 'Escriba un número para «{question}».',
  'error.numberUnit': 'Escriba un número de {unit} para «{question}».',
  'error.wholeNumber': 'Escriba un número entero para «{question}».',
  'error.numberRange': 'Escriba un número de {min} a {max} para «{question}».',
  'error.numberRangeUnit': 'Escriba un número de {min} a {max} {unit} para «{question}».',
  'error.scaleRange': 'Elija un número de {min} a {max} para «{question}».',
  'error.rankPosition': 'Dé a «{option}» una posición de 1 a {last} en «{question}».',
  'error.rankDuplicate':
    '«{first}» y «{second}» tienen ambas la posición {position} en «{question}»; dé a cada una una posición distinta.',
  'error.rankIncomplete': 'Dé una posición a cada opción de «{question}», o a ninguna.',
  'error.textLength': 'Responda «{question}» en menos de {max} caracteres.',

  'page.thankYouTitle': 'Gracias',
  'page.thankYou': 'Sus respuestas a «{survey}» se han registrado. Ya puede cerrar esta página.',
  'page.invalidTitle': 'Enlace no reconocido',
  'page.invalid':
    'Este enlace de la encuesta no es válido. Compruebe que ha copiado el enlace completo o pida uno nuevo a quien se lo envió.',
  'page.usedTitle': 'Enlace ya utilizado',
  'page.used':
    'Este enlace ya se utilizó para enviar respuestas y cada enlace funciona una sola vez. Si no las envió usted, pida un enlace nuevo al Centro de Excelencia en IA.',
  'page.expiredTitle': 'Enlace caducado',
  'page.expired':
    'Este enlace de la encuesta ha caducado. Pida un enlace nuevo al Centro de Excelencia en IA si la encuesta sigue abierta.',
  'page.closedTitle': 'Encuesta cerrada',
  'page.closed': 'Esta encuesta está cerrada y ya no acepta respuestas. Gracias por su interés.',

  'privacy.identified':
    'Encuesta identificada: sus respuestas se guardan con su nombre para que el Centro de Excelencia en IA pueda hacerle un seguimiento. Los informes para equipos y dirección solo muestran totales de al menos {k} personas.',
  'privacy.pseudonymous':
    'Encuesta seudónima: sus respuestas se guardan con un código derivado de su identidad, no con su nombre, junto con su equipo en ese momento. Solo el equipo de seguridad puede convertir el código en un nombre, para comparar las respuestas con lo que observan los sistemas. Los informes para equipos y dirección solo muestran totales de al menos {k} personas.',
  'privacy.anonymous':
    'Encuesta anónima: no se guarda nada que vincule sus respuestas con usted: ni nombre, ni invitación, ni código de enlace, ni dirección IP, y solo el día en que respondió. Una respuesta enviada con su invitación personal conserva su equipo, y solo si el equipo tiene al menos {k} personas. Los resultados solo muestran totales de al menos {k} personas.',
};

export const FORM_CATALOGS: Record<FormLanguage, FormCatalog> = { en: EN, de: DE, es: ES };

/** A catalog message in a language, its `{name}` placeholders filled in. */
export function say(lang: FormLanguage, key: FormMessageKey, params: MessageParams = {}): string {
  return FORM_CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function sayMessage(lang: FormLanguage, message: FormMessage): string {
  return say(lang, message.key, message.params);
}

/** The privacy statement in the respondent's language, with the survey's k. */
export function localPrivacyStatement(lang: FormLanguage, mode: PrivacyMode, k: number): string {
  return say(lang, `privacy.${mode}`, { k });
}

/** The names of the languages in themselves, for the language links on the form. */
export const LANGUAGE_NAMES: Record<FormLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
};
