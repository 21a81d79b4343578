import type {
  Answer,
  Answers,
  Condition,
  QuestionDefinition,
  SurveySection,
} from '../survey.types';
import { conditionQuestions, evaluateCondition } from './condition';

/** Past this many trial answer sets the search gives up and calls the question reachable. */
const BUDGET = 200_000;

/**
 * Whether some path of answers shows the question. Tries, in survey order, every answer that
 * can make a difference to the conditions involved (each option, each point, each number a
 * condition names and its neighbours, "not answered" when that is possible) for the questions
 * the target's visibility depends on, directly or through their own conditions. A required
 * question that is shown is answered, so "not answered" is tried for it only when hidden. On a
 * survey too large to search it answers true: a wrong "unreachable" would block a valid survey.
 */
export function isReachable(
  key: string,
  questions: QuestionDefinition[],
  sections: SurveySection[] = [],
): boolean {
  const sectionOf = new Map(sections.map((s) => [s.key, s]));
  const conditionsOf = (q: QuestionDefinition): Condition[] => {
    const section = q.section ? sectionOf.get(q.section) : undefined;
    return [section?.showIf, q.showIf].filter((c): c is Condition => !!c);
  };
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const target = byKey.get(key);
  if (!target) return false;

  // The questions the target's visibility reads, transitively, in survey order.
  const needed = new Set<string>();
  const queue = conditionsOf(target).flatMap(conditionQuestions);
  while (queue.length) {
    const k = queue.pop() as string;
    const q = byKey.get(k);
    if (!q || needed.has(k)) continue;
    needed.add(k);
    queue.push(...conditionsOf(q).flatMap(conditionQuestions));
  }
  const deps = questions.filter((q) => needed.has(q.key));
  const mentioned = mentionedValues(questions, sections);
  const shown = (q: QuestionDefinition, answers: Answers) =>
    conditionsOf(q).every((c) => evaluateCondition(c, answers));

  let tries = 0;
  const search = (i: number, answers: Answers): boolean => {
    if (++tries > BUDGET) return true;
    if (i === deps.length) return shown(target, answers);
    const q = deps[i];
    if (!shown(q, answers)) return search(i + 1, answers);
    const candidates: (Answer | undefined)[] = trialAnswers(q, mentioned.get(q.key) ?? []);
    if (!q.required) candidates.push(undefined);
    return candidates.some((answer) =>
      search(i + 1, answer === undefined ? answers : { ...answers, [q.key]: answer }),
    );
  };
  return search(0, {});
}

function mentionedValues(
  questions: QuestionDefinition[],
  sections: SurveySection[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (c: Condition) => {
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if (c.value === undefined) return;
    out.set(c.question, [...(out.get(c.question) ?? []), String(c.value)]);
  };
  for (const s of sections) if (s.showIf) visit(s.showIf);
  for (const q of questions) if (q.showIf) visit(q.showIf);
  return out;
}

/** Answers to try for a question: enough to make each condition on it true and false. */
function trialAnswers(q: QuestionDefinition, mentioned: string[]): Answer[] {
  const options = (q.options ?? []).map((o) => o.value);
  switch (q.kind) {
    case 'single':
    case 'text':
      return [...new Set([...options, ...mentioned, '\u0000other'])];
    case 'scale':
    case 'likert':
    case 'nps': {
      const s = q.kind === 'nps' ? { min: 0, max: 10 } : (q.scale ?? { min: 1, max: 5 });
      const out: string[] = [];
      for (let n = s.min; n <= s.max; n++) out.push(String(n));
      return out;
    }
    case 'number': {
      const spec = q.number ?? { unit: '' };
      const points = mentioned.map(Number).filter(Number.isFinite);
      const step = spec.integer ? 1 : 0.5;
      const candidates = [0, ...points.flatMap((n) => [n - step, n, n + step])];
      if (spec.min !== undefined) candidates.push(spec.min);
      if (spec.max !== undefined) candidates.push(spec.max);
      return [...new Set(candidates)]
        .filter(
          (n) =>
            (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max),
        )
        .map(String);
    }
    case 'multiple':
    case 'tool-picker': {
      if (q.kind === 'tool-picker' && q.multiple === false)
        return [...new Set([...options, ...mentioned])];
      // Every subset of the values conditions name, with one unnamed option beside them.
      const named = [...new Set(mentioned)].filter((v) => options.includes(v)).slice(0, 8);
      const other = options.find((o) => !named.includes(o));
      const subsets: string[][] = [];
      for (let mask = 0; mask < 1 << named.length; mask++)
        subsets.push(named.filter((_, b) => mask & (1 << b)));
      return subsets
        .flatMap((s) => (other ? [[...s, other]] : []))
        .concat(subsets.filter((s) => s.length));
    }
    case 'ranking':
      // Each option ranked first, the rest in order.
      return options.map((first) => [first, ...options.filter((o) => o !== first)]);
    case 'matrix': {
      const columns = q.scale
        ? Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, n) => String(q.scale!.min + n))
        : options;
      const items = (q.items ?? []).map((i) => i.value);
      let rows: Record<string, string>[] = [{}];
      for (const item of items) {
        const named = mentioned
          .filter((m) => m.startsWith(`${item}=`))
          .map((m) => m.slice(item.length + 1));
        const tries = [
          ...new Set([...named, columns.find((c) => !named.includes(c)) ?? columns[0]]),
        ];
        rows = rows.flatMap((r) => tries.map((c) => ({ ...r, [item]: c }))).slice(0, 512);
      }
      return rows;
    }
  }
}
