import { DomainError, ErrorCode } from '../common/domain-error';
import { logicProblems } from './logic/definition-check';
import type { QuestionDefinition, SurveySection } from './survey.types';

export interface PickableTool {
  id: string;
  name: string;
  generic?: boolean;
}

/**
 * Checks a question list as the CoE sends it, naming the index and field of the first problem,
 * and fills what the form needs: tool-picker options from the catalog, `multiple` from the kind.
 * Then checks its showIf logic: every problem is listed in the error's details with a stable code
 * and the question (or section) it is about.
 */
export function checkQuestions(
  questions: QuestionDefinition[],
  tools: PickableTool[],
  sections: SurveySection[] = [],
): QuestionDefinition[] {
  const checked = checkEach(questions, tools);
  const problems = logicProblems(checked, sections);
  if (problems.length)
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${problems[0].code}: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
      { problems },
    );
  return checked;
}

function checkEach(questions: QuestionDefinition[], tools: PickableTool[]): QuestionDefinition[] {
  const keys = new Set<string>();
  const known = new Map(tools.map((t) => [t.id, t.name]));
  return questions.map((q, i) => {
    const invalid = (field: string, why: string) =>
      new DomainError(ErrorCode.InvalidInput, `questions[${i}].${field}: ${why}`);
    if (keys.has(q.key)) throw invalid('key', `"${q.key}" is used twice`);
    keys.add(q.key);
    if ((q.kind === 'single' || q.kind === 'multiple') && !(q.options ?? []).length)
      throw invalid('options', `a ${q.kind} choice question needs options`);
    if (q.kind === 'scale' && q.scale && q.scale.min >= q.scale.max)
      throw invalid('scale', 'min must be below max');
    const values = (q.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length) throw invalid('options', 'a value is used twice');
    const kindProblem = KIND_RULES[q.kind]?.(q);
    if (kindProblem) throw invalid(kindProblem[0], kindProblem[1]);
    if (q.kind === 'likert') return { ...q, multiple: false, scale: q.scale ?? { min: 1, max: 5 } };
    if (q.kind === 'nps')
      return { ...q, multiple: false, scale: { ...(q.scale ?? {}), min: 0, max: 10 } };
    if (q.kind !== 'tool-picker') return { ...q, multiple: q.kind === 'multiple' };
    const unknown = values.filter((v) => !known.has(v));
    if (unknown.length) throw invalid('options', `not catalog tools: ${unknown.join(', ')}`);
    const options = values.length
      ? values.map((v) => ({ value: v, label: known.get(v) as string }))
      : tools.filter((t) => !t.generic).map((t) => ({ value: t.id, label: t.name }));
    return { ...q, options, multiple: q.multiple ?? true };
  });
}

type Rule = (q: QuestionDefinition) => [field: string, why: string] | null;

const KIND_RULES: Partial<Record<QuestionDefinition['kind'], Rule>> = {
  likert: (q) =>
    q.scale && (q.scale.min !== 1 || ![5, 7].includes(q.scale.max))
      ? ['scale', 'a Likert scale runs from 1 to 5 or from 1 to 7']
      : null,
  nps: (q) =>
    q.scale && (q.scale.min !== 0 || q.scale.max !== 10)
      ? ['scale', 'NPS runs from 0 to 10']
      : null,
  matrix: (q) => {
    const items = (q.items ?? []).map((i) => i.value);
    if (!items.length) return ['items', 'a matrix needs items (its rows)'];
    if (new Set(items).size !== items.length) return ['items', 'an item value is used twice'];
    if (q.scale) return q.scale.min >= q.scale.max ? ['scale', 'min must be below max'] : null;
    return (q.options ?? []).length < 2
      ? ['options', 'a matrix needs a scale or at least two options (its columns)']
      : null;
  },
  number: (q) => {
    if (!q.number) return ['number', 'a number question needs its unit ({ unit, min?, max? })'];
    const { min, max } = q.number;
    return min !== undefined && max !== undefined && min > max
      ? ['number', 'min must not be above max']
      : null;
  },
  ranking: (q) =>
    (q.options ?? []).length < 2 ? ['options', 'a ranking needs at least two options'] : null,
};
