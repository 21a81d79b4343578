import { DomainError } from '../common/domain-error';
import { checkQuestions } from './question-rules';
import type { QuestionDefinition } from './survey.types';

const tools = [
  { id: 'cursor', name: 'Cursor' },
  { id: 'chatgpt', name: 'ChatGPT' },
  { id: 'generic-agent', name: 'Some AI agent', generic: true },
];

const q = (over: Partial<QuestionDefinition>): QuestionDefinition => ({
  key: 'q1',
  text: 'Which?',
  kind: 'text',
  required: false,
  role: null,
  ...over,
});

describe(checkQuestions.name, () => {
  it('should fill a tool picker with every non-generic catalog tool when it names none', () => {
    const [picker] = checkQuestions([q({ kind: 'tool-picker' })], tools);
    expect(picker.options).toEqual([
      { value: 'cursor', label: 'Cursor' },
      { value: 'chatgpt', label: 'ChatGPT' },
    ]);
    expect(picker.multiple).toBe(true);
  });

  it('should label the tools a picker names and refuse one outside the catalog', () => {
    const [picker] = checkQuestions(
      [q({ kind: 'tool-picker', options: [{ value: 'cursor', label: 'x' }], multiple: false })],
      tools,
    );
    expect(picker).toMatchObject({
      options: [{ value: 'cursor', label: 'Cursor' }],
      multiple: false,
    });
    expect(() =>
      checkQuestions([q({ kind: 'tool-picker', options: [{ value: 'nope', label: 'x' }] })], tools),
    ).toThrow('questions[0].options: not catalog tools: nope');
  });

  it('should name the index and field of a key used twice, a choice without options and a bad scale', () => {
    expect(() => checkQuestions([q({}), q({})], tools)).toThrow(
      'questions[1].key: "q1" is used twice',
    );
    expect(() => checkQuestions([q({ kind: 'single' })], tools)).toThrow(
      'questions[0].options: a single choice question needs options',
    );
    expect(() => checkQuestions([q({ kind: 'scale', scale: { min: 5, max: 1 } })], tools)).toThrow(
      'questions[0].scale: min must be below max',
    );
    expect(() =>
      checkQuestions(
        [
          q({
            kind: 'multiple',
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'B' },
            ],
          }),
        ],
        tools,
      ),
    ).toThrow(DomainError);
  });

  it('should set multiple from the kind for other questions', () => {
    const out = checkQuestions(
      [
        q({ key: 'a', kind: 'multiple', options: [{ value: 'x', label: 'X' }], multiple: false }),
        q({ key: 'b', kind: 'single', options: [{ value: 'x', label: 'X' }], multiple: true }),
      ],
      tools,
    );
    expect(out.map((x) => x.multiple)).toEqual([true, false]);
  });
});
