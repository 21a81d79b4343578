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
    };
  });
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
