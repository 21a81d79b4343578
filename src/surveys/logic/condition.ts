import { CONDITION_OPS, type Answer, type Answers, type Condition } from '../survey.types';

const MAX_DEPTH = 6;

/** Why a posted value is not a Condition, or null when it is one. */
export function conditionShapeProblem(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `conditions nest at most ${MAX_DEPTH} deep`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a condition is an object';
  const v = value as Record<string, unknown>;
  const group = 'all' in v ? v.all : 'any' in v ? v.any : undefined;
  if (group !== undefined) {
    if (Object.keys(v).length !== 1) return 'a group holds only "all" or "any"';
    if (!Array.isArray(group) || group.length === 0 || group.length > 50)
      return '"all"/"any" hold 1 to 50 conditions';
    for (const c of group) {
      const problem = conditionShapeProblem(c, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof v.question !== 'string' || !v.question) return 'a condition names its "question"';
  if (!CONDITION_OPS.includes(v.op as never)) return `"op" is one of ${CONDITION_OPS.join(', ')}`;
  const extra = Object.keys(v).filter((k) => !['question', 'op', 'value'].includes(k));
  if (extra.length) return `unknown field ${extra[0]}`;
  const needsValue = v.op !== 'answered' && v.op !== 'not-answered';
  if (needsValue && typeof v.value !== 'string' && typeof v.value !== 'number')
    return `"${String(v.op)}" compares with a "value"`;
  if ((v.op === 'gte' || v.op === 'lte') && !Number.isFinite(Number(v.value)))
    return `"${String(v.op)}" compares with a number`;
  return null;
}

/** Every question key a condition reads. */
export function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}

export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer !== '';
  return Array.isArray(answer) ? answer.length > 0 : Object.keys(answer).length > 0;
}

/**
 * Whether a condition holds on the answers so far. An unanswered (or hidden, hence dropped)
 * question is "not answered", equals nothing and includes nothing; the negated operators are the
 * exact negations. equals on a ranking reads its first choice; includes on a matrix takes
 * "item=column".
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  const answer = answers[condition.question];
  const value = condition.value === undefined ? '' : String(condition.value);
  switch (condition.op) {
    case 'answered':
      return isAnswered(answer);
    case 'not-answered':
      return !isAnswered(answer);
    case 'equals':
      return equals(answer, value);
    case 'not-equals':
      return !equals(answer, value);
    case 'includes':
      return includes(answer, value);
    case 'not-includes':
      return !includes(answer, value);
    case 'gte':
      return compare(answer, (n) => n >= Number(value));
    case 'lte':
      return compare(answer, (n) => n <= Number(value));
  }
}

function equals(answer: Answer | undefined, value: string): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer === value;
  // Only a ranking reaches here with a list (the definition check keeps equals off multiple
  // choices and matrices): it equals its first choice.
  return Array.isArray(answer) && answer[0] === value;
}

function includes(answer: Answer | undefined, value: string): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer === value;
  if (Array.isArray(answer)) return answer.includes(value);
  const eq = value.indexOf('=');
  return eq > 0 && answer[value.slice(0, eq)] === value.slice(eq + 1);
}

function compare(answer: Answer | undefined, test: (n: number) => boolean): boolean {
  if (typeof answer !== 'string' || answer.trim() === '') return false;
  const n = Number(answer);
  return Number.isFinite(n) && test(n);
}
