import type { QuestionDefinition } from '../../../surveys/survey.types';
import { FREQUENCY_QUESTION } from './question-fixtures';
import {
  keyFor,
  parseOptionLines,
  parseQuestionForm,
  postedFormValues,
  questionFormValues,
} from './question-editor-form';

const frequency = FREQUENCY_QUESTION;
const tools: QuestionDefinition = {
  key: 'tools',
  text: 'Which tools?',
  kind: 'multiple',
  required: false,
  options: [{ value: 'chat', label: 'Chat assistants' }],
};

describe(parseOptionLines.name, () => {
  it('should make values from labels, keep "value | label" and skip blank lines', () => {
    expect(parseOptionLines('Very often\r\n\n  code | Code review  \nÄrger über Regeln')).toEqual({
      options: [
        { value: 'very-often', label: 'Very often' },
        { value: 'code', label: 'Code review' },
        { value: 'arger-uber-regeln', label: 'Ärger über Regeln' },
      ],
    });
  });

  it('should keep the value an unchanged label had, so translations and conditions still fit', () => {
    const before = [{ value: 'Yes please', label: 'Yes please' }];
    expect(parseOptionLines('Yes please\nNo', before).options).toEqual([
      { value: 'Yes please', label: 'Yes please' },
      { value: 'no', label: 'No' },
    ]);
  });

  it('should make repeated values unique and name a half-written line', () => {
    expect(parseOptionLines('A\na').options.map((o) => o.value)).toEqual(['a', 'a-2']);
    expect(parseOptionLines('ok\n | no value').problem).toBe('line 2: write "value | label"');
  });
});

describe(keyFor.name, () => {
  it('should derive a free key from the text', () => {
    expect(keyFor('How confident are you?', [])).toBe('how_confident_are_you');
    expect(keyFor('How confident are you?', ['how_confident_are_you'])).toBe(
      'how_confident_are_you_2',
    );
    expect(keyFor('2024 plans', [])).toBe('q_2024_plans');
  });
});

describe(parseQuestionForm.name, () => {
  it('should build a 7-point Likert with labelled ends and a key from its text', () => {
    const sut = parseQuestionForm(
      {
        text: 'AI output is reliable',
        required: 'on',
        points: '7',
        minLabel: 'Disagree',
        maxLabel: 'Agree',
      },
      'likert',
      undefined,
      [frequency],
    );
    expect(sut).toEqual({
      errors: [],
      question: {
        key: 'ai_output_is_reliable',
        text: 'AI output is reliable',
        kind: 'likert',
        required: true,
        role: null,
        scale: { min: 1, max: 7, minLabel: 'Disagree', maxLabel: 'Agree' },
      },
    });
  });

  it('should build a matrix on a scale or on named columns', () => {
    const body = { key: 'm', text: 'Rate', items: 'Coding\nTesting', min: '1', max: '5' };
    expect(parseQuestionForm(body, 'matrix', undefined, []).question).toMatchObject({
      items: [
        { value: 'coding', label: 'Coding' },
        { value: 'testing', label: 'Testing' },
      ],
      scale: { min: 1, max: 5 },
    });
    const named = parseQuestionForm(
      { ...body, columns: 'options', options: 'Yes\nNo' },
      'matrix',
      undefined,
      [],
    );
    expect(named.question?.scale).toBeUndefined();
    expect(named.question?.options).toHaveLength(2);
    expect(
      parseQuestionForm({ ...body, items: '' }, 'matrix', undefined, []).errors.map((e) => e.field),
    ).toEqual(['items']);
  });

  it('should build a ranking, a number with unit and bounds, an NPS and a tool picker', () => {
    expect(
      parseQuestionForm({ key: 'r', text: 'Rank', options: 'A' }, 'ranking', undefined, []).errors,
    ).toEqual([{ field: 'options', message: 'Options: at least 2, one per line' }]);
    expect(
      parseQuestionForm(
        {
          key: 'h',
          text: 'Hours saved',
          unit: 'hours per week',
          min: '0',
          max: '40',
          integer: 'on',
        },
        'number',
        undefined,
        [],
      ).question?.number,
    ).toEqual({ unit: 'hours per week', min: 0, max: 40, integer: true });
    expect(
      parseQuestionForm(
        { key: 'h', text: 'Hours', min: '1.5', integer: 'on' },
        'number',
        undefined,
        [],
      ).errors,
    ).toEqual([{ field: 'min', message: 'Smallest: enter a whole number' }]);
    expect(
      parseQuestionForm({ key: 'n', text: 'Recommend?' }, 'nps', undefined, []).question?.scale,
    ).toEqual({ min: 0, max: 10 });
    expect(
      parseQuestionForm(
        { key: 't', text: 'Tools', tools: 'cursor\nchatgpt' },
        'tool-picker',
        undefined,
        [],
      ).question,
    ).toMatchObject({ options: [{ value: 'cursor' }, { value: 'chatgpt' }], multiple: false });
  });

  it('should read "show when X has answer Y", by the option label, with includes for a list', () => {
    const on = (showIfQuestion: string, showIfValue: string) =>
      parseQuestionForm(
        { key: 'q', text: 'Why?', showIfQuestion, showIfValue },
        'text',
        undefined,
        [frequency, tools],
      ).question?.showIf;
    expect(on('frequency', 'daily')).toEqual({
      question: 'frequency',
      op: 'equals',
      value: 'daily',
    });
    expect(on('frequency', 'never')).toEqual({
      question: 'frequency',
      op: 'equals',
      value: 'never',
    });
    expect(on('frequency', 'NEVER')).toEqual({
      question: 'frequency',
      op: 'equals',
      value: 'never',
    });
    expect(on('tools', 'Chat assistants')).toEqual({
      question: 'tools',
      op: 'includes',
      value: 'chat',
    });
    expect(on('tools', '')).toEqual({ question: 'tools', op: 'answered' });
    expect(on('', '')).toBeUndefined();
  });

  it('should keep the key, section, translations and a combined condition of an edited question', () => {
    const before: QuestionDefinition = {
      ...tools,
      section: 'use',
      translations: { de: { text: 'Welche?' } },
      showIf: { any: [{ question: 'frequency', op: 'equals', value: 'daily' }] },
    };
    const body = { key: 'renamed', text: 'Which tools now?', options: 'Chat assistants\nIDE' };
    const sut = parseQuestionForm(body, 'multiple', before, [frequency]).question;
    expect(sut).toMatchObject({
      key: 'tools',
      section: 'use',
      translations: { de: { text: 'Welche?' } },
      showIf: before.showIf,
      options: [
        { value: 'chat', label: 'Chat assistants' },
        { value: 'ide', label: 'IDE' },
      ],
    });
    expect(
      parseQuestionForm({ ...body, showIfRemove: 'on' }, 'multiple', before, [frequency]).question
        ?.showIf,
    ).toBeUndefined();
  });

  it('should refuse a missing text and a key already taken or malformed', () => {
    expect(
      parseQuestionForm({ key: 'frequency', text: '' }, 'text', undefined, [frequency]).errors.map(
        (e) => e.field,
      ),
    ).toEqual(['text', 'key']);
    expect(
      parseQuestionForm({ key: '1x', text: 'ok' }, 'text', undefined, []).errors[0].field,
    ).toBe('key');
  });
});

describe(questionFormValues.name, () => {
  it('should show a question as the fields that parse back to it', () => {
    const likert: QuestionDefinition = {
      key: 'trust',
      text: 'I trust it',
      kind: 'likert',
      required: true,
      role: null,
      scale: { min: 1, max: 7, minLabel: 'No', maxLabel: 'Yes' },
      showIf: { question: 'frequency', op: 'equals', value: 'daily' },
    };
    const values = questionFormValues(likert, 'likert');
    expect(values).toMatchObject({
      points: '7',
      showIfQuestion: 'frequency',
      showIfValue: 'daily',
    });
    // as a browser posts it: a checked box is "on", an unchecked one is absent
    const body = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== false)
        .map(([k, v]) => [k, v === true ? 'on' : v]),
    );
    expect(parseQuestionForm(body, 'likert', likert, [frequency]).question).toEqual(likert);
    expect(postedFormValues(body, likert)).toEqual(values);
  });

  it('should write an option whose value is not made from its label as "value | label"', () => {
    const q: QuestionDefinition = {
      ...frequency,
      options: [
        { value: 'daily', label: 'Every day' },
        { value: 'never', label: 'Never' },
      ],
    };
    expect(questionFormValues(q, 'single').options).toBe('daily | Every day\nNever');
  });
});
