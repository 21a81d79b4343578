import {
  ECOSYSTEMS,
  TOOL_CATEGORIES,
  type CommitIdentityRule,
  type Ecosystem,
  type ToolDefinition,
  type ToolRules,
} from '../../../catalog/catalog.types';
import { enumLabel, formLines, formText, type CoeFieldError, type CoeFormBody } from '../coe-form';
import type { CoeOption } from './catalog-list.view';

/** The rule lists the form edits as one entry per line, by form field name. */
const LINE_RULES = [
  ['domains', 'Domains', 'api.example-ai.com'],
  ['paths', 'Repository paths or globs', '.example-ai/**'],
  ['messageMarkers', 'Commit message markers', 'Generated with ExampleAI'],
  ['userAgents', 'User-agent patterns (regular expressions)', '^ExampleAI/'],
  ['ideExtensions', 'IDE extension ids', 'example.example-ai'],
  ['githubApps', 'GitHub App slugs', 'example-ai-bot'],
  ['workflowActions', 'Workflow actions', 'example/ai-action'],
] as const satisfies readonly (readonly [keyof ToolRules, string, string])[];

/** What the custom tool form shows: text per field, as typed or as stored. */
export interface CustomToolFormValues {
  id: string;
  name: string;
  vendor: string;
  category: string;
  homepage: string;
  aliases: string;
  packages: string;
  commitEmails: string;
  botLogins: string;
  rules: Record<(typeof LINE_RULES)[number][0], string>;
}

export interface CustomToolFormView {
  values: CustomToolFormValues;
  categories: CoeOption[];
  ruleFields: { name: string; label: string; example: string; value: string }[];
  editing: boolean;
  errors: CoeFieldError[];
}

export function emptyCustomToolValues(): CustomToolFormValues {
  return {
    id: '',
    name: '',
    vendor: '',
    category: 'other',
    homepage: '',
    aliases: '',
    packages: '',
    commitEmails: '',
    botLogins: '',
    rules: Object.fromEntries(LINE_RULES.map(([k]) => [k, ''])) as CustomToolFormValues['rules'],
  };
}

/** A stored definition as form text, for editing. */
export function customToolValues(tool: ToolDefinition): CustomToolFormValues {
  const lines = (v: readonly string[] | undefined) => (v ?? []).join('\n');
  const identities = tool.rules.commitIdentities ?? [];
  return {
    id: tool.id,
    name: tool.name,
    vendor: tool.vendor,
    category: tool.category,
    homepage: tool.homepage ?? '',
    aliases: (tool.aliases ?? []).join(', '),
    packages: ECOSYSTEMS.flatMap((e) =>
      (tool.rules.packages?.[e] ?? []).map((p) => `${e}:${p}`),
    ).join('\n'),
    commitEmails: lines(identities.map((c) => c.email).filter((e): e is string => !!e)),
    botLogins: lines(identities.map((c) => c.login).filter((e): e is string => !!e)),
    rules: Object.fromEntries(
      LINE_RULES.map(([k]) => [k, lines(tool.rules[k])]),
    ) as CustomToolFormValues['rules'],
  };
}

/** The form as posted, kept as typed so a page with errors shows it back unchanged. */
export function postedCustomToolValues(body: CoeFormBody): CustomToolFormValues {
  return {
    id: formText(body, 'id'),
    name: formText(body, 'name'),
    vendor: formText(body, 'vendor'),
    category: formText(body, 'category'),
    homepage: formText(body, 'homepage'),
    aliases: formText(body, 'aliases'),
    packages: formText(body, 'packages'),
    commitEmails: formText(body, 'commitEmails'),
    botLogins: formText(body, 'botLogins'),
    rules: Object.fromEntries(
      LINE_RULES.map(([k]) => [k, formText(body, k)]),
    ) as CustomToolFormValues['rules'],
  };
}

export function customToolFormView(
  values: CustomToolFormValues,
  editing: boolean,
  errors: CoeFieldError[] = [],
): CustomToolFormView {
  return {
    values,
    editing,
    errors,
    categories: TOOL_CATEGORIES.map((c) => ({
      value: c,
      label: enumLabel(c),
      selected: c === values.category,
    })),
    ruleFields: LINE_RULES.map(([name, label, example]) => ({
      name,
      label,
      example,
      value: values.rules[name],
    })),
  };
}

/**
 * The posted form as a tool definition for the catalog's validator (which names what is wrong
 * in the rules themselves); here only what the form's own syntax can get wrong is checked.
 */
export function parseCustomToolForm(body: CoeFormBody): {
  definition: ToolDefinition;
  errors: CoeFieldError[];
} {
  const errors: CoeFieldError[] = [];
  const required = (field: string, label: string) => {
    const v = formText(body, field);
    if (v === '') errors.push({ field, message: `${label}: required` });
    return v;
  };
  const id = required('id', 'Id');
  if (id !== '' && !/^[a-z0-9][a-z0-9-]*$/.test(id))
    errors.push({
      field: 'id',
      message: 'Id: lower-case letters, digits and hyphens (e.g. acme-llm)',
    });
  const name = required('name', 'Name');
  const vendor = required('vendor', 'Vendor');
  const category = formText(body, 'category');
  if (!(TOOL_CATEGORIES as readonly string[]).includes(category))
    errors.push({
      field: 'category',
      message: `Category: choose one of ${TOOL_CATEGORIES.join(', ')}`,
    });

  const rules: ToolRules = {};
  for (const [field] of LINE_RULES) {
    const values = formLines(body, field);
    if (values.length) rules[field] = values;
  }
  const packages: Partial<Record<Ecosystem, string[]>> = {};
  formText(body, 'packages')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (line === '') return;
      const m = /^([a-z]+)\s*[:\s]\s*(\S+)$/.exec(line);
      if (!m || !(ECOSYSTEMS as readonly string[]).includes(m[1])) {
        errors.push({
          field: 'packages',
          message: `Packages, line ${i + 1}: write ecosystem:name with ecosystem one of ${ECOSYSTEMS.join(', ')} ("${line}")`,
        });
        return;
      }
      const list = (packages[m[1] as Ecosystem] ??= []);
      if (!list.includes(m[2])) list.push(m[2]);
    });
  if (Object.keys(packages).length) rules.packages = packages;
  const identities: CommitIdentityRule[] = [
    ...formLines(body, 'commitEmails').map((email) => ({ email: email.toLowerCase() })),
    ...formLines(body, 'botLogins').map((login) => ({ login })),
  ];
  if (identities.length) rules.commitIdentities = identities;

  const homepage = formText(body, 'homepage');
  const aliases = formLines(body, 'aliases');
  return {
    definition: {
      id,
      name,
      vendor,
      category: category as ToolDefinition['category'],
      ...(homepage ? { homepage } : {}),
      ...(aliases.length ? { aliases } : {}),
      rules,
    },
    errors,
  };
}
