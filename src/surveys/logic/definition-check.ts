import type { Condition, QuestionDefinition, QuestionKind, SurveySection } from '../survey.types';
import { conditionQuestions } from './condition';
import { isReachable } from './reachability';

export const LOGIC_PROBLEMS = [
  'show-if-unknown-question',
  'show-if-later-question',
  'show-if-cycle',
  'show-if-operator',
  'show-if-unknown-value',
  'unknown-section',
  'duplicate-section',
  'required-unreachable',
] as const;
export type LogicProblemCode = (typeof LOGIC_PROBLEMS)[number];

/** One problem in a survey's logic; names the question (or section) it is about. */
export interface LogicProblem {
  code: LogicProblemCode;
  question?: string;
  section?: string;
  message: string;
}

const NUMERIC: QuestionKind[] = ['scale', 'likert', 'nps', 'number'];
const CHOICE: QuestionKind[] = ['single', 'multiple', 'tool-picker', 'ranking'];

/**
 * Checks the showIf logic of a question list before it is saved: conditions read only earlier,
 * known questions (so there is no cycle), with an operator and value that fit the question read,
 * and every required question can be shown on some path of answers.
 */
export function logicProblems(
  questions: QuestionDefinition[],
  sections: SurveySection[] = [],
): LogicProblem[] {
  const problems: LogicProblem[] = [];
  const position = new Map(questions.map((q, i) => [q.key, i]));
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const sectionOf = new Map<string, SurveySection>();
  for (const s of sections) {
    if (sectionOf.has(s.key))
      problems.push({
        code: 'duplicate-section',
        section: s.key,
        message: `section "${s.key}" is listed twice`,
      });
    sectionOf.set(s.key, s);
  }
  const cyclic = cyclicQuestions(questions, sectionOf);

  const checkCondition = (
    condition: Condition,
    before: number,
    about: { question?: string; section?: string },
  ) => {
    const who = about.question ? `question "${about.question}"` : `section "${about.section}"`;
    for (const atom of atoms(condition)) {
      const at = position.get(atom.question);
      const read = byKey.get(atom.question);
      if (at === undefined || !read) {
        problems.push({
          code: 'show-if-unknown-question',
          ...about,
          message: `${who} is shown on "${atom.question}", which is not a question of this survey`,
        });
      } else if (at >= before) {
        const cycle = about.question && cyclic.has(about.question);
        problems.push({
          code: cycle ? 'show-if-cycle' : 'show-if-later-question',
          ...about,
          message: cycle
            ? `${who} and "${atom.question}" are each shown on the other's answer`
            : `${who} is shown on "${atom.question}", which does not come before it`,
        });
      } else {
        const misfit = operatorMisfit(atom, read);
        if (misfit)
          problems.push({ code: 'show-if-operator', ...about, message: `${who}: ${misfit}` });
        const unknown = unknownValue(atom, read);
        if (unknown)
          problems.push({ code: 'show-if-unknown-value', ...about, message: `${who}: ${unknown}` });
      }
    }
  };

  for (const s of sections) {
    if (!s.showIf) continue;
    const first = questions.findIndex((q) => q.section === s.key);
    checkCondition(s.showIf, first === -1 ? questions.length : first, { section: s.key });
  }
  questions.forEach((q, i) => {
    if (q.section && !sectionOf.has(q.section))
      problems.push({
        code: 'unknown-section',
        question: q.key,
        message: `question "${q.key}" is in section "${q.section}", which the survey does not list`,
      });
    if (q.showIf) checkCondition(q.showIf, i, { question: q.key });
  });
  if (problems.length) return problems;

  for (const q of questions)
    if (q.required && !isReachable(q.key, questions, sections))
      problems.push({
        code: 'required-unreachable',
        question: q.key,
        message: `required question "${q.key}" is not shown on any path of answers; make it optional or change its conditions`,
      });
  return problems;
}

type Atom = Extract<Condition, { question: string }>;

function atoms(condition: Condition): Atom[] {
  if ('all' in condition) return condition.all.flatMap(atoms);
  if ('any' in condition) return condition.any.flatMap(atoms);
  return [condition];
}

function operatorMisfit(atom: Atom, read: QuestionDefinition): string | null {
  const listLike =
    read.kind === 'multiple' ||
    read.kind === 'matrix' ||
    (read.kind === 'tool-picker' && read.multiple !== false);
  if ((atom.op === 'gte' || atom.op === 'lte') && !NUMERIC.includes(read.kind))
    return `"${atom.op}" compares numbers, but "${read.key}" is a ${read.kind} question`;
  if ((atom.op === 'equals' || atom.op === 'not-equals') && listLike)
    return `"${read.key}" takes several answers: use "includes" instead of "${atom.op}"`;
  return null;
}

function unknownValue(atom: Atom, read: QuestionDefinition): string | null {
  if (atom.value === undefined || atom.op === 'gte' || atom.op === 'lte') return null;
  const value = String(atom.value);
  let known: string[] | null = null;
  if (CHOICE.includes(read.kind) && read.options?.length) known = read.options.map((o) => o.value);
  if (read.kind === 'matrix') {
    const columns = read.scale
      ? range(read.scale.min, read.scale.max)
      : (read.options ?? []).map((o) => o.value);
    known = (read.items ?? []).flatMap((item) => columns.map((c) => `${item.value}=${c}`));
  }
  if (read.kind === 'likert' || read.kind === 'scale' || read.kind === 'nps') {
    const scale = read.kind === 'nps' ? { min: 0, max: 10 } : (read.scale ?? { min: 1, max: 5 });
    known = range(scale.min, scale.max);
  }
  if (!known || known.includes(value)) return null;
  return `"${value}" is not an answer "${read.key}" offers`;
}

export function range(min: number, max: number): string[] {
  const out: string[] = [];
  for (let n = min; n <= max; n++) out.push(String(n));
  return out;
}

/** Questions on a cycle of "shown on" references (through their own or their section's showIf). */
function cyclicQuestions(
  questions: QuestionDefinition[],
  sectionOf: Map<string, SurveySection>,
): Set<string> {
  const edges = new Map<string, string[]>();
  for (const q of questions) {
    const section = q.section ? sectionOf.get(q.section) : undefined;
    edges.set(q.key, [
      ...(q.showIf ? conditionQuestions(q.showIf) : []),
      ...(section?.showIf ? conditionQuestions(section.showIf) : []),
    ]);
  }
  const cyclic = new Set<string>();
  for (const start of edges.keys()) {
    // Does some path of references lead from start back to start?
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length) {
      const key = stack.pop() as string;
      if (key === start) {
        cyclic.add(start);
        break;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(...(edges.get(key) ?? []));
    }
  }
  return cyclic;
}
