import type { QuestionDefinition, SurveySection } from '../survey.types';
import { validateAnswers } from './answer-validation';
import { renderSurveyForm } from './form.renderer';
import { KIND_FORMS } from './kinds/kind-forms';

const likert: QuestionDefinition = {
  key: 'policy',
  text: 'I know which tools are approved for which data',
  kind: 'likert',
  required: true,
  scale: { min: 1, max: 7, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
};
const matrix: QuestionDefinition = {
  key: 'phases',
  text: 'How much do you use AI in each phase?',
  kind: 'matrix',
  required: true,
  items: [
    { value: 'coding', label: 'Coding' },
    { value: 'review', label: 'Code review' },
  ],
  scale: { min: 1, max: 5, minLabel: 'Never', maxLabel: 'Always' },
};
const hours: QuestionDefinition = {
  key: 'hours',
  text: 'Time saved per week',
  kind: 'number',
  required: false,
  number: { unit: 'hours', min: 0, max: 40 },
};
const ranking: QuestionDefinition = {
  key: 'barriers',
  text: 'Rank the barriers',
  kind: 'ranking',
  required: false,
  options: [
    { value: 'time', label: 'Time' },
    { value: 'policy', label: 'Unclear policy' },
    { value: 'trust', label: 'Trust' },
  ],
};
const nps: QuestionDefinition = {
  key: 'recommend',
  text: 'Would you recommend the AI tools to a colleague?',
  kind: 'nps',
  required: true,
};
const all = [likert, matrix, hours, ranking, nps];

const posted = {
  q_policy: '6',
  q_phases__0: '5',
  q_phases__1: '2',
  q_hours: '3,5',
  q_barriers__0: '2',
  q_barriers__1: '1',
  q_barriers__2: '3',
  q_recommend: '9',
};

describe(validateAnswers.name, () => {
  it('should read every kind into its stored shape', () => {
    expect(validateAnswers(all, posted, 'submit').answers).toEqual({
      policy: '6',
      phases: { coding: '5', review: '2' },
      hours: '3.5',
      barriers: ['policy', 'time', 'trust'],
      recommend: '9',
    });
  });

  it('should name the question and the problem of each bad answer', () => {
    const sut = validateAnswers(
      all,
      {
        q_policy: '8',
        q_phases__0: '5',
        q_hours: '41',
        q_barriers__0: '1',
        q_barriers__1: '1',
        q_barriers__2: '2',
      },
      'submit',
    );
    expect(sut.errors.map((e) => e.message)).toEqual([
      'Pick a number from 1 to 7 for "I know which tools are approved for which data".',
      'Answer every row of "How much do you use AI in each phase?" (missing: Code review).',
      'Enter a number from 0 to 40 hours for "Time saved per week".',
      '"Time" and "Unclear policy" both have position 1 in "Rank the barriers"; give each a different position.',
      '"Would you recommend the AI tools to a colleague?" needs an answer.',
    ]);
  });

  it('should never require a hidden question and drop what was posted for it', () => {
    const sections: SurveySection[] = [
      { key: 'more', title: 'More', showIf: { question: 'recommend', op: 'lte', value: 6 } },
    ];
    const gated = [nps, { ...likert, section: 'more' }];
    const sut = validateAnswers(gated, { q_recommend: '9', q_policy: '8' }, 'submit', {
      sections,
    });
    expect(sut.errors).toEqual([]);
    expect(sut.answers).toEqual({ recommend: '9' });
    expect(validateAnswers(gated, { q_recommend: '3' }, 'submit', { sections }).errors).toEqual([
      { key: 'policy', message: `"${likert.text}" needs an answer.` },
    ]);
  });

  it('should post back as hidden fields exactly the answer it read', () => {
    const { answers } = validateAnswers(all, posted, 'submit');
    const fields: Record<string, string> = {};
    for (const q of all)
      for (const [name, value] of KIND_FORMS[q.kind].fields(q, answers[q.key]))
        fields[name] = value;
    expect(validateAnswers(all, fields, 'submit').answers).toEqual(answers);
  });
});

describe(renderSurveyForm.name, () => {
  const html = renderSurveyForm({
    title: 'Pulse',
    privacyStatement: 'Anonymous survey',
    questions: all,
    answers: validateAnswers(all, posted, 'submit').answers,
    errors: [],
    action: '/s/abc',
    page: { index: 0, count: 2, back: false, next: true, carried: [['q_x', 'y']] },
  });

  it('should label every control and group every radio set in a fieldset with a legend', () => {
    const ids = [...html.matchAll(/<(?:input|select)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(7 + 10 + 1 + 3 + 11);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html.match(/<fieldset/g)?.length).toBe(html.match(/<legend>/g)?.length);
    expect(html).toContain('7 (Strongly agree)');
    expect(html).toContain('0 (Not at all likely)');
    expect(html).not.toMatch(/<script/i);
  });

  it('should keep answers, carry other pages and offer Next instead of Submit', () => {
    expect(html).toMatch(/name="q_phases__1" value="2" checked/);
    expect(html).toContain('<option value="1" selected>1</option>');
    expect(html).toMatch(/name="q_hours" value="3.5"/);
    expect(html).toContain('<input type="hidden" name="q_x" value="y">');
    expect(html).toContain('value="next"');
    expect(html).not.toContain('value="submit"');
  });
});
