import { DomainError, ErrorCode } from '../common/domain-error';
import type { QuestionDefinition } from './survey.types';

export interface PickableTool {
  id: string;
  name: string;
  generic?: boolean;
}

/**
 * Checks a question list as the CoE sends it, naming the index and field of the first problem,
 * and fills what the form needs: tool-picker options from the catalog, `multiple` from the kind.
 */
export function checkQuestions(
  questions: QuestionDefinition[],
  tools: PickableTool[],
): QuestionDefinition[] {
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
    if (q.kind !== 'tool-picker') return { ...q, multiple: q.kind === 'multiple' };
    const unknown = values.filter((v) => !known.has(v));
    if (unknown.length) throw invalid('options', `not catalog tools: ${unknown.join(', ')}`);
    const options = values.length
      ? values.map((v) => ({ value: v, label: known.get(v) as string }))
      : tools.filter((t) => !t.generic).map((t) => ({ value: t.id, label: t.name }));
    return { ...q, options, multiple: q.multiple ?? true };
  });
}
