import type { DataClass } from '../catalog/catalog.types';
import type { ImportedQuestion } from './importers/import.types';
import { DATA_OPTION_CLASS } from './inventory-template';
import type { QuestionDefinition, QuestionRole } from './survey.types';

const ROLE_HINTS: [QuestionRole, RegExp][] = [
  ['wished-tool', /wish|sanction|would like|like to have|want/i],
  ['data-classes', /\bdata\b|information|put into|goes into/i],
  ['frequency', /how often|frequen/i],
  ['work-kinds', /kinds? of work|for what|use (them|it) for|tasks?/i],
  ['account', /account/i],
  ['approval', /approv/i],
  ['tools', /tools?|assistants?|\bai\b/i],
];

/** Give imported questions the roles the results and correlation look for, from their wording. */
export function importedQuestionDefinitions(questions: ImportedQuestion[]): QuestionDefinition[] {
  const taken = new Set<QuestionRole>();
  return questions.map((q) => {
    const structured = structuredDefinition(q);
    if (structured) return structured;
    let role: QuestionRole | null = null;
    const other = /other/i.test(q.text) || /other/i.test(q.key);
    if (other && q.kind !== 'multiple') role = 'tools-other';
    else if (q.kind === 'text') role = 'free-text';
    else {
      const hint = ROLE_HINTS.find(([r, re]) => !taken.has(r) && re.test(q.text));
      if (hint) {
        role = hint[0];
        taken.add(role);
      }
    }
    return {
      key: q.key,
      text: q.text,
      kind: q.kind,
      required: false,
      role,
      options: (q.options ?? []).map((o) => ({ value: o, label: o })),
      multiple: q.kind === 'multiple',
      ...(q.kind === 'scale' && q.scale ? { scale: q.scale } : {}),
    };
  });
}

/** The kinds an export states by its layout (matrix, ranking) or its numbers (NPS, number). */
function structuredDefinition(q: ImportedQuestion): QuestionDefinition | null {
  const base = { key: q.key, text: q.text, required: false, role: null, multiple: false };
  const options = (q.options ?? []).map((o) => ({ value: o, label: o }));
  switch (q.kind) {
    case 'matrix': {
      const items = (q.items ?? []).map((i) => ({ value: i, label: i }));
      const points = (q.options ?? []).map(Number);
      const numeric =
        points.length > 0 && points.every((n) => Number.isInteger(n) && n >= 0 && n <= 10);
      return numeric
        ? {
            ...base,
            kind: 'matrix',
            items,
            options: [],
            scale: q.scale ?? { min: Math.min(1, ...points), max: Math.max(5, ...points) },
          }
        : { ...base, kind: 'matrix', items, options };
    }
    case 'ranking':
      return { ...base, kind: 'ranking', options };
    case 'nps':
      return { ...base, kind: 'nps', options: [], scale: { min: 0, max: 10 } };
    case 'number':
      return { ...base, kind: 'number', options: [], number: { unit: q.unit ?? '' } };
    case 'likert':
      // the importer leaves the point count as the only option
      return {
        ...base,
        kind: 'likert',
        options: [],
        scale: {
          min: 1,
          max: q.options?.[0] === '7' ? 7 : 5,
          minLabel: 'Strongly disagree',
          maxLabel: 'Strongly agree',
        },
      };
    case 'single':
    case 'multiple':
    case 'scale':
    case 'text':
      return null;
  }
}

const DATA_HINTS: [DataClass, RegExp][] = [
  ['phi', /health|medical|patient/i],
  ['pii', /customer|personal|pii|gdpr/i],
  ['confidential', /credential|secret|password|token|key/i],
  ['internal', /internal|proprietary|company code/i],
  ['public', /public|open.?source/i],
];

/** Data classes named by answers to the data question: built-in option values, or free labels. */
export function dataClassesOf(values: string[]): DataClass[] {
  const out = new Set<DataClass>();
  for (const value of values) {
    if (value in DATA_OPTION_CLASS) {
      const mapped = DATA_OPTION_CLASS[value];
      if (mapped) out.add(mapped);
      continue;
    }
    const hint = DATA_HINTS.find(([, re]) => re.test(value));
    if (hint) out.add(hint[0]);
  }
  return [...out].sort();
}

export function accountOf(values: string[]): 'company' | 'personal' | 'unknown' {
  const text = values.join(' ').toLowerCase();
  const company = /company|work|corporate|enterprise|both/.test(text);
  const personal = /personal|private|own|both/.test(text);
  if (personal) return 'personal';
  if (company) return 'company';
  return 'unknown';
}
