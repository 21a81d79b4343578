import { ECOSYSTEMS, TOOL_CATEGORIES, type ToolDefinition } from './catalog.types';
import { domainRuleProblem } from './matcher/host-index';

/** One problem in a tool definition, named by file, tool id and field. */
export interface CatalogProblem {
  file: string;
  toolId?: string;
  field: string;
  message: string;
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: tool ${p.toolId ? `"${p.toolId}"` : '(no id)'}: ${p.field} ${p.message}`;
}

export class CatalogValidationError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `invalid catalog: ${problems.slice(0, 20).map(formatProblem).join('; ')}${
        problems.length > 20 ? ` and ${problems.length - 20} more` : ''
      }`,
    );
    this.name = 'CatalogValidationError';
  }
}

export const TOOL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const TOOL_KEYS = new Set([
  'id',
  'name',
  'vendor',
  'category',
  'homepage',
  'aliases',
  'generic',
  'rules',
  'origin',
]);
const RULE_KEYS = new Set([
  'domains',
  'packages',
  'integrationPackages',
  'models',
  'paths',
  'commitIdentities',
  'messageMarkers',
  'committerNameSuffixes',
  'userAgents',
  'ideExtensions',
  'githubApps',
  'workflowActions',
]);
const STRING_LIST_RULES = [
  'paths',
  'messageMarkers',
  'committerNameSuffixes',
  'ideExtensions',
  'githubApps',
  'workflowActions',
  'models',
] as const;

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks one raw tool definition (from YAML or the API). Returns every problem found rather
 * than the first, so a catalog author fixes a file in one pass.
 */
export function validateToolDefinition(raw: unknown, file: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const toolId = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  const fail = (field: string, message: string) => problems.push({ file, toolId, field, message });
  if (!isObject(raw)) {
    fail('(tool)', 'must be a mapping');
    return problems;
  }
  for (const key of Object.keys(raw)) if (!TOOL_KEYS.has(key)) fail(key, 'is not a known field');
  if (typeof raw.id !== 'string' || !TOOL_ID_PATTERN.test(raw.id)) {
    fail('id', 'must be a lower-case slug (a-z, 0-9, single hyphens)');
  }
  for (const key of ['name', 'vendor'] as const) {
    if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') {
      fail(key, 'must be a non-empty string');
    }
  }
  if (!TOOL_CATEGORIES.includes(raw.category as never)) {
    fail('category', `must be one of ${TOOL_CATEGORIES.join(', ')}`);
  }
  if (raw.homepage !== undefined && !isHttpsUrl(raw.homepage))
    fail('homepage', 'must be an https URL');
  if (raw.aliases !== undefined) checkStrings(raw.aliases, 'aliases', fail);
  if (raw.generic !== undefined && typeof raw.generic !== 'boolean')
    fail('generic', 'must be a boolean');
  if (raw.origin !== undefined && raw.origin !== 'builtin' && raw.origin !== 'custom') {
    fail('origin', 'must be builtin or custom');
  }
  if (!isObject(raw.rules)) fail('rules', 'must be a mapping');
  else checkRules(raw.rules, fail);
  if (raw.vendorRisk !== undefined)
    fail(
      'vendorRisk',
      'moved: vendor facts live in src/catalog/data/vendor-facts/ (or an organisation override)',
    );
  return problems;
}

/** Validates and returns the typed definition, or throws CatalogValidationError. */
export function assertToolDefinition(raw: unknown, file: string): ToolDefinition {
  const problems = validateToolDefinition(raw, file);
  if (problems.length > 0) throw new CatalogValidationError(problems);
  return raw as ToolDefinition;
}

type Fail = (field: string, message: string) => void;

function checkStrings(value: unknown, field: string, fail: Fail): value is string[] {
  if (!Array.isArray(value)) {
    fail(field, 'must be a list of strings');
    return false;
  }
  const seen = new Set<string>();
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '')
      fail(`${field}[${i}]`, 'must be a non-empty string');
    else if (seen.has(v)) fail(`${field}[${i}]`, `repeats "${v}"`);
    else seen.add(v);
  });
  return true;
}

function checkRegExp(source: string, field: string, fail: Fail): void {
  try {
    new RegExp(source);
  } catch (e) {
    fail(field, `is not a valid regular expression: ${(e as Error).message}`);
  }
}

function checkRules(rules: Raw, fail: Fail): void {
  for (const key of Object.keys(rules)) {
    if (!RULE_KEYS.has(key)) fail(`rules.${key}`, 'is not a known rule kind');
  }
  if (rules.domains !== undefined && checkStrings(rules.domains, 'rules.domains', fail)) {
    (rules.domains as string[]).forEach((d, i) => {
      const problem = typeof d === 'string' ? domainRuleProblem(d) : undefined;
      if (problem) fail(`rules.domains[${i}]`, `"${d}" ${problem}`);
    });
  }
  for (const key of ['packages', 'integrationPackages'] as const) {
    if (rules[key] === undefined) continue;
    if (!isObject(rules[key])) fail(`rules.${key}`, 'must be a mapping of ecosystem to names');
    else {
      for (const [eco, names] of Object.entries(rules[key])) {
        if (!ECOSYSTEMS.includes(eco as never)) {
          fail(`rules.${key}.${eco}`, `is not an ecosystem (${ECOSYSTEMS.join(', ')})`);
        } else checkStrings(names, `rules.${key}.${eco}`, fail);
      }
    }
  }
  if (Array.isArray(rules.models)) {
    rules.models.forEach((m, i) => {
      if (typeof m === 'string' && (m !== m.toLowerCase() || /\s/.test(m) || m.length < 2))
        fail(`rules.models[${i}]`, 'must be a lower-case model name prefix without spaces');
    });
  }
  for (const key of STRING_LIST_RULES) {
    if (rules[key] !== undefined) checkStrings(rules[key], `rules.${key}`, fail);
  }
  if (Array.isArray(rules.paths)) {
    rules.paths.forEach((p, i) => {
      if (typeof p === 'string' && (p.startsWith('/') || p.includes('\\') || p.includes('..'))) {
        fail(`rules.paths[${i}]`, 'must be relative to the repository root, with forward slashes');
      }
    });
  }
  if (Array.isArray(rules.messageMarkers)) {
    rules.messageMarkers.forEach((m, i) => {
      // a marker is matched as a substring of any commit message, so it must be distinctive
      if (typeof m === 'string' && m.trim().length < 8) {
        fail(
          `rules.messageMarkers[${i}]`,
          'is too short to be distinctive (8 characters at least)',
        );
      }
    });
  }
  if (rules.userAgents !== undefined && checkStrings(rules.userAgents, 'rules.userAgents', fail)) {
    (rules.userAgents as unknown[]).forEach((u, i) => {
      if (typeof u === 'string') checkRegExp(u, `rules.userAgents[${i}]`, fail);
    });
  }
  if (rules.commitIdentities !== undefined) {
    if (!Array.isArray(rules.commitIdentities)) fail('rules.commitIdentities', 'must be a list');
    else
      rules.commitIdentities.forEach((c, i) =>
        checkIdentity(c, `rules.commitIdentities[${i}]`, fail),
      );
  }
}

function checkIdentity(c: unknown, field: string, fail: Fail): void {
  if (!isObject(c)) {
    fail(field, 'must be a mapping with email, emailPattern or login');
    return;
  }
  for (const key of Object.keys(c)) {
    if (!['email', 'emailPattern', 'login'].includes(key))
      fail(`${field}.${key}`, 'is not a known field');
  }
  if (c.email === undefined && c.emailPattern === undefined && c.login === undefined) {
    fail(field, 'needs email, emailPattern or login');
  }
  if (
    c.email !== undefined &&
    (typeof c.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(c.email))
  ) {
    fail(`${field}.email`, 'must be an e-mail address');
  } else if (typeof c.email === 'string' && c.email !== c.email.toLowerCase()) {
    fail(`${field}.email`, 'must be lower case');
  }
  if (
    c.login !== undefined &&
    (typeof c.login !== 'string' || !/^[A-Za-z0-9-]+(\[bot\])?$/.test(c.login))
  ) {
    fail(`${field}.login`, 'must be a GitHub login');
  }
  if (c.emailPattern !== undefined) {
    if (typeof c.emailPattern !== 'string') fail(`${field}.emailPattern`, 'must be a string');
    else {
      checkRegExp(c.emailPattern, `${field}.emailPattern`, fail);
      // an unanchored pattern would match any address that merely contains it
      if (!c.emailPattern.startsWith('^') || !c.emailPattern.endsWith('$')) {
        fail(`${field}.emailPattern`, 'must be anchored with ^ and $');
      }
    }
  }
}

function isHttpsUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
}
