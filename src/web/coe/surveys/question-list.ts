// The editor's changes to a survey's question list, and the service's refusals told per field.
import { DomainError } from '../../../common/domain-error';
import type { QuestionDefinition } from '../../../surveys/survey.types';
import type { CoeFieldError } from '../coe-form';

/** The list with `q` in place of the question keyed `key`, or `q` appended after the last one. */
export function upsertQuestion(
  list: QuestionDefinition[],
  q: QuestionDefinition,
  key?: string,
): QuestionDefinition[] {
  const at = key === undefined ? -1 : list.findIndex((o) => o.key === key);
  if (at === -1) {
    // a new question joins the last question's section (its page of the form)
    const section = list.at(-1)?.section;
    return [...list, section && !q.section ? { ...q, section } : q];
  }
  return list.map((o, i) => (i === at ? q : o));
}

/**
 * One step up or down. At the edge of a section the question crosses into the neighbouring
 * section instead of swapping with its neighbour, so it stays where the author sees it move.
 */
export function moveQuestion(
  list: QuestionDefinition[],
  key: string,
  direction: 'up' | 'down',
): QuestionDefinition[] {
  const at = list.findIndex((o) => o.key === key);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at === -1 || to < 0 || to >= list.length) return list;
  const moved = list[at];
  const neighbour = list[to];
  if ((neighbour.section ?? null) !== (moved.section ?? null)) {
    const { section: _old, ...rest } = moved;
    const crossed = neighbour.section ? { ...rest, section: neighbour.section } : rest;
    return list.map((o, i) => (i === at ? crossed : o));
  }
  const out = [...list];
  out[at] = neighbour;
  out[to] = moved;
  return out;
}

export function removeQuestion(list: QuestionDefinition[], key: string): QuestionDefinition[] {
  return list.filter((o) => o.key !== key);
}

interface ServiceProblem {
  code: string;
  question?: string;
  section?: string;
  message: string;
}

/** The field of the question form a logic problem is about. */
function logicField(code: string): string {
  if (code === 'required-unreachable') return 'required';
  if (code.startsWith('show-if-')) return 'showIf';
  return 'logic';
}

/**
 * A refusal of SurveyQuestionsService as field errors: a problem with the question being edited
 * (`key`) is put beside its field (the kind rules name the field, the logic problems carry a
 * stable code); a problem with another question names that question. Each message keeps its code.
 */
export function editorErrors(
  error: DomainError,
  list: QuestionDefinition[],
  key?: string,
): CoeFieldError[] {
  const problems = (error.details?.problems ?? []) as ServiceProblem[];
  if (Array.isArray(problems) && problems.length > 0) {
    return problems.map((p) => {
      const mine = key !== undefined && p.question === key;
      return {
        field: mine ? logicField(p.code) : p.question ? `question-${p.question}` : 'survey',
        message: `${p.code}: ${p.message}`,
      };
    });
  }
  const indexed = /^questions\[(\d+)\]\.(\w+): (.*)$/s.exec(error.message);
  if (indexed) {
    const q = list[Number(indexed[1])];
    const mine = q !== undefined && q.key === key;
    return [
      {
        field: mine ? indexed[2] : q ? `question-${q.key}` : 'survey',
        message: mine ? indexed[3] : `question "${q?.key ?? indexed[1]}": ${indexed[3]}`,
      },
    ];
  }
  return [{ field: 'survey', message: error.message }];
}
