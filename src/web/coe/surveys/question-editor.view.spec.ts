import type { QuestionDefinition } from '../../../surveys/survey.types';
import { FREQUENCY_QUESTION } from './question-fixtures';
import { questionFormValues } from './question-editor-form';
import { questionListView, questionPageView } from './question-editor.view';

const frequency = FREQUENCY_QUESTION;
const hours: QuestionDefinition = {
  key: 'hours',
  text: 'Hours saved',
  kind: 'number',
  required: false,
  number: { unit: 'hours per week' },
  showIf: { question: 'frequency', op: 'equals', value: 'daily' },
  translations: { de: { text: 'Gesparte Stunden' } },
};

describe(questionListView.name, () => {
  it('should say each question’s kind, condition by option label and languages', () => {
    const [first, second] = questionListView([frequency, hours]);
    expect(first).toMatchObject({ number: 1, kind: 'Single choice', first: true, last: false });
    expect(first.condition).toBeNull();
    expect(second).toMatchObject({
      kind: 'Number',
      condition: 'shown when "frequency" has the answer "Daily"',
      languages: 'Deutsch: translated · Español: English shown',
      last: true,
    });
  });
});

describe(questionPageView.name, () => {
  it('should put a whole-part error by its first input and offer the other questions', () => {
    const sut = questionPageView({
      surveyId: 's1',
      surveyTitle: 'Pulse',
      kind: 'number',
      editing: 'hours',
      values: questionFormValues(hours, 'number'),
      questions: [frequency, hours],
      errors: [
        { field: 'number', message: 'min must not be above max' },
        { field: 'question-frequency', message: 'question "frequency": …' },
      ],
    });
    expect(sut.action).toBe('/surveys/s1/questions/hours');
    expect(sut.fieldErrors).toEqual({
      unit: 'min must not be above max',
      'question-frequency': 'question "frequency": …',
    });
    expect(sut.errors.map((e) => e.anchor)).toEqual(['qe-unit', null]);
    expect(sut.showIfChoices).toEqual([
      { key: 'frequency', label: '1. How often? (frequency)', selected: true },
    ]);
    expect(sut.showIfAnswers.map((a) => a.value)).toEqual(['Daily', 'Never']);
  });
});
