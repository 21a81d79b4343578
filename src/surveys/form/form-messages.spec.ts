import { localizeQuestion } from '../i18n/languages';
import type { QuestionDefinition } from '../survey.types';
import { validateAnswers } from './answer-validation';
import { renderSurveyForm } from './form.renderer';

const question = (q: Omit<QuestionDefinition, 'required'>, de: string): QuestionDefinition =>
  ({ required: true, ...q, translations: { de: { text: de } } }) as QuestionDefinition;

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const kinds: { q: QuestionDefinition; posted: Record<string, unknown>; german: string }[] = [
  {
    q: question({ key: 'a', text: 'Policy?', kind: 'single', options: yesNo }, 'Richtlinie?'),
    posted: { q_a: 'maybe' },
    german: 'Wählen Sie eine der aufgeführten Antworten für „Richtlinie?“.',
  },
  {
    q: question({ key: 'b', text: 'Data?', kind: 'multiple', options: yesNo }, 'Daten?'),
    posted: { q_b: ['yes', 'other'] },
    german: 'Wählen Sie nur aufgeführte Antworten für „Daten?“.',
  },
  {
    q: question(
      { key: 'c', text: 'Tool?', kind: 'tool-picker', multiple: false, options: yesNo },
      'Werkzeug?',
    ),
    posted: { q_c: ['yes', 'no'] },
    german: 'Wählen Sie ein Werkzeug für „Werkzeug?“.',
  },
  {
    q: question(
      { key: 'd', text: 'Confidence', kind: 'scale', scale: { min: 1, max: 5 } },
      'Sicherheit',
    ),
    posted: { q_d: '9' },
    german: 'Wählen Sie eine Zahl von 1 bis 5 für „Sicherheit“.',
  },
  {
    q: question(
      { key: 'e', text: 'Agree', kind: 'likert', scale: { min: 1, max: 7 } },
      'Zustimmung',
    ),
    posted: { q_e: '0' },
    german: 'Wählen Sie eine Zahl von 1 bis 7 für „Zustimmung“.',
  },
  {
    q: question({ key: 'f', text: 'Recommend?', kind: 'nps' }, 'Empfehlen?'),
    posted: { q_f: '11' },
    german: 'Wählen Sie eine Zahl von 0 bis 10 für „Empfehlen?“.',
  },
  {
    q: question({ key: 'g', text: 'Comments', kind: 'text' }, 'Anmerkungen'),
    posted: { q_g: 'x'.repeat(4001) },
    german: 'Fassen Sie „Anmerkungen“ in weniger als 4000 Zeichen.',
  },
  {
    q: {
      ...question(
        { key: 'h', text: 'Hours', kind: 'number', number: { unit: 'hours', min: 0, max: 40 } },
        'Stunden',
      ),
      translations: { de: { text: 'Gesparte Zeit', unit: 'Stunden' } },
    },
    posted: { q_h: '41' },
    german: 'Geben Sie eine Zahl von 0 bis 40 Stunden für „Gesparte Zeit“ ein.',
  },
  {
    q: question(
      {
        key: 'i',
        text: 'Phases',
        kind: 'matrix',
        items: [
          { value: 'code', label: 'Coding' },
          { value: 'test', label: 'Testing' },
        ],
        scale: { min: 1, max: 5 },
      },
      'Phasen',
    ),
    posted: { q_i__0: '3' },
    german: 'Beantworten Sie jede Zeile von „Phasen“ (es fehlt: Testing).',
  },
  {
    q: question(
      {
        key: 'j',
        text: 'Rank',
        kind: 'ranking',
        options: [...yesNo, { value: 'maybe', label: 'Maybe' }],
      },
      'Rangfolge',
    ),
    posted: { q_j__0: '1', q_j__1: '1', q_j__2: '2' },
    german:
      '„Yes“ und „No“ haben beide Platz 1 in „Rangfolge“; geben Sie jeder Option einen anderen Platz.',
  },
  {
    q: question({ key: 'k', text: 'Team size', kind: 'number', number: { unit: '' } }, 'Größe'),
    posted: {},
    german: '„Größe“ braucht eine Antwort.',
  },
];

describe('form errors in German', () => {
  it.each(kinds.map((k) => [k.q.kind, k] as const))(
    'should say a %s question’s error in German on the rendered page',
    (_, { q, posted, german }) => {
      const local = localizeQuestion(q, 'de');
      const { errors, answers } = validateAnswers([local], posted, 'submit', { lang: 'de' });
      expect(errors.map((e) => e.message)).toEqual([german]);
      const html = renderSurveyForm({
        title: 'Puls',
        privacyStatement: '',
        questions: [local],
        answers,
        errors,
        action: '/s/token',
        lang: 'de',
      });
      const escaped = german.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(html.split(escaped).length - 1).toBe(2); // the summary and beside the question
      expect(html).toContain('Bitte prüfen Sie eine Antwort');
      expect(html).toContain('<span class="required">(erforderlich)</span>');
      expect(html).toContain('<input type="hidden" name="lang" value="de">');
      expect(html).not.toMatch(/\(required\)|Please check|Submit answers/);
    },
  );
});
