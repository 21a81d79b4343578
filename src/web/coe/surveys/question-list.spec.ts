import { DomainError, ErrorCode } from '../../../common/domain-error';
import type { QuestionDefinition } from '../../../surveys/survey.types';
import { editorErrors, moveQuestion, removeQuestion, upsertQuestion } from './question-list';

const q = (key: string, section?: string): QuestionDefinition => ({
  key,
  text: key,
  kind: 'text',
  required: false,
  ...(section ? { section } : {}),
});

describe(moveQuestion.name, () => {
  it('should swap with a neighbour in the same section and stop at the ends', () => {
    const list = [q('a'), q('b'), q('c')];
    expect(moveQuestion(list, 'b', 'up').map((o) => o.key)).toEqual(['b', 'a', 'c']);
    expect(moveQuestion(list, 'b', 'down').map((o) => o.key)).toEqual(['a', 'c', 'b']);
    expect(moveQuestion(list, 'a', 'up')).toBe(list);
    expect(moveQuestion(list, 'c', 'down')).toBe(list);
  });

  it('should cross into the neighbouring section at a section edge', () => {
    const list = [q('a', 's1'), q('b', 's2'), q('c', 's2')];
    expect(moveQuestion(list, 'b', 'up')).toEqual([q('a', 's1'), q('b', 's1'), q('c', 's2')]);
    expect(moveQuestion(list, 'a', 'down')).toEqual([q('a', 's2'), q('b', 's2'), q('c', 's2')]);
  });
});

describe(upsertQuestion.name, () => {
  it('should replace in place, or append into the last section', () => {
    const list = [q('a', 's1'), q('b', 's2')];
    expect(upsertQuestion(list, { ...q('b2'), section: 's2' }, 'b').map((o) => o.key)).toEqual([
      'a',
      'b2',
    ]);
    expect(upsertQuestion(list, q('c')).at(-1)).toEqual(q('c', 's2'));
    expect(removeQuestion(list, 'a')).toEqual([q('b', 's2')]);
  });
});

describe(editorErrors.name, () => {
  const list = [q('a'), q('b')];

  it('should put a logic problem of the edited question beside its field, with its code', () => {
    const error = new DomainError(ErrorCode.InvalidInput, 'required-unreachable: …', {
      problems: [
        { code: 'required-unreachable', question: 'b', message: 'required question "b" is …' },
        { code: 'show-if-unknown-value', question: 'b', message: 'question "b": "x" is …' },
        { code: 'show-if-later-question', question: 'a', message: 'question "a" is …' },
      ],
    });
    expect(editorErrors(error, list, 'b')).toEqual([
      { field: 'required', message: 'required-unreachable: required question "b" is …' },
      { field: 'showIf', message: 'show-if-unknown-value: question "b": "x" is …' },
      { field: 'question-a', message: 'show-if-later-question: question "a" is …' },
    ]);
  });

  it('should map a kind rule to its field, and a survey with answers to the survey', () => {
    const kind = new DomainError(ErrorCode.InvalidInput, 'questions[1].options: a ranking needs …');
    expect(editorErrors(kind, list, 'b')).toEqual([
      { field: 'options', message: 'a ranking needs …' },
    ]);
    expect(editorErrors(kind, list, 'a')).toEqual([
      { field: 'question-b', message: 'question "b": a ranking needs …' },
    ]);
    const locked = new DomainError(ErrorCode.Conflict, 'survey-has-answers: …', {
      problems: [{ code: 'survey-has-answers', message: 'survey x already has answers' }],
    });
    expect(editorErrors(locked, list, 'a')).toEqual([
      { field: 'survey', message: 'survey-has-answers: survey x already has answers' },
    ]);
  });
});
