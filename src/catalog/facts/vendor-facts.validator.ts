import type { CatalogProblem } from '../catalog-validator';
import {
  CERTIFICATIONS,
  CONTROL_KEYS,
  FACT_PLANS,
  NOT_STATED,
  PLAN_FACT_KEYS,
  STATED,
  TOOL_FACT_KEYS,
  type Fact,
  type FactKey,
  type VendorFacts,
} from './vendor-facts.types';

type Raw = Record<string, unknown>;
type Fail = (field: string, message: string) => void;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 3166 alpha-2 or a region code (EU, EEA, APAC, LATAM, MENA)
const REGION = /^(?:[A-Z]{2}|EU|EEA|APAC|EMEA|LATAM|MENA)$/;
const FACT_FIELDS = new Set(['value', 'source', 'checked', 'note']);
const ENTRY_KEYS = new Set(['tool', 'plans', 'note', ...TOOL_FACT_KEYS]);
const PLAN_KEYS = new Set<string>(PLAN_FACT_KEYS);
const CERTS = new Set<string>(CERTIFICATIONS);
const STATES = new Set<string>(STATED);

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The date a check must not pass: today in UTC plus a day, for a reader east of UTC. */
export function latestCheckDate(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function isHttpsUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Checks one fact (`{ value, source, checked, note? }`) of the given key. Used for the facts
 * files, the policy file's overrides and the override API alike, so all three agree.
 */
export function checkFact(key: FactKey, raw: unknown, field: string, now: Date, fail: Fail): void {
  if (!isObject(raw)) {
    fail(field, 'must be a mapping with value, source and checked');
    return;
  }
  for (const k of Object.keys(raw))
    if (!FACT_FIELDS.has(k)) fail(`${field}.${k}`, 'is not a known field');
  if (raw.source === undefined || raw.source === null || raw.source === '')
    fail(`${field}.source`, 'is missing: every fact cites the page it was read on');
  else if (!isHttpsUrl(raw.source)) fail(`${field}.source`, 'must be an https URL');
  // YAML reads an unquoted date as a Date; accept it as the date it names
  const checked =
    raw.checked instanceof Date ? raw.checked.toISOString().slice(0, 10) : raw.checked;
  if (checked === undefined || checked === null || checked === '')
    fail(`${field}.checked`, 'is missing: every fact says when its source was read');
  else if (typeof checked !== 'string' || !isCalendarDate(checked))
    fail(`${field}.checked`, 'must be a date written YYYY-MM-DD');
  else if (checked > latestCheckDate(now))
    fail(`${field}.checked`, `is in the future (${checked})`);
  if (raw.note !== undefined && (typeof raw.note !== 'string' || raw.note.trim() === ''))
    fail(`${field}.note`, 'must be text');
  checkValue(key, raw.value, `${field}.value`, fail);
}

function checkValue(key: FactKey, v: unknown, field: string, fail: Fail): void {
  if (v === undefined || v === null) {
    fail(field, 'is missing (write not-stated when the vendor says nothing)');
    return;
  }
  switch (key) {
    case 'trainsOnInputs':
    case 'zeroRetention':
      if (!STATES.has(v as string)) fail(field, `must be one of ${STATED.join(', ')}`);
      return;
    case 'retention':
      if (typeof v !== 'string' || v.trim() === '')
        fail(field, 'must be the vendor\'s own words, short ("30 days", "not stated")');
      return;
    case 'jurisdiction':
      if (v !== NOT_STATED) checkRegions(v, field, fail, false);
      return;
    case 'dataResidency':
      if (v !== NOT_STATED && v !== 'none') checkRegions(v, field, fail, true);
      return;
    case 'certifications':
      if (v === NOT_STATED) return;
      if (!Array.isArray(v)) fail(field, `must be a list from: ${CERTIFICATIONS.join(', ')}`);
      else
        v.forEach((c, i) => {
          if (!CERTS.has(c as string))
            fail(`${field}[${i}]`, `"${String(c)}" is not one of ${CERTIFICATIONS.join(', ')}`);
        });
      return;
    case 'enterpriseControls':
      if (!isObject(v)) {
        fail(field, `must be a mapping of ${CONTROL_KEYS.join(', ')}`);
        return;
      }
      for (const k of Object.keys(v))
        if (!(CONTROL_KEYS as readonly string[]).includes(k))
          fail(`${field}.${k}`, 'is not a known control');
      for (const k of CONTROL_KEYS)
        if (!STATES.has(v[k] as string))
          fail(`${field}.${k}`, `must be one of ${STATED.join(', ')}`);
      return;
  }
}

function checkRegions(v: unknown, field: string, fail: Fail, listOnly: boolean): void {
  const list = typeof v === 'string' && !listOnly ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) {
    fail(
      field,
      `must be ${listOnly ? 'a list of' : ''} region codes (US, EU, GB …)${listOnly ? ', none' : ''} or not-stated`,
    );
    return;
  }
  list.forEach((r, i) => {
    if (typeof r !== 'string' || !REGION.test(r))
      fail(`${field}[${i}]`, `"${String(r)}" is not a region code (US, EU, GB …)`);
  });
}

/** A fact's value as consumers read it: a single jurisdiction becomes a list of one. */
export function normaliseValue(key: FactKey, value: unknown): unknown {
  return key === 'jurisdiction' && typeof value === 'string' && value !== NOT_STATED
    ? [value]
    : value;
}

function normaliseFact(key: FactKey, raw: Raw): Fact<unknown> {
  const checked =
    raw.checked instanceof Date ? raw.checked.toISOString().slice(0, 10) : (raw.checked as string);
  return {
    value: normaliseValue(key, raw.value),
    source: raw.source as string,
    checked,
    ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
  };
}

/**
 * Checks the facts block of one tool, as a facts file entry (`requireTool`) or as a policy
 * file's override block. Returns the typed facts when there is no problem.
 */
export function checkFactsBlock(
  raw: unknown,
  now: Date,
  fail: Fail,
  opts: { entry: boolean },
): VendorFacts | undefined {
  let failed = false;
  const f: Fail = (field, message) => {
    failed = true;
    fail(field, message);
  };
  if (!isObject(raw)) {
    f('(entry)', 'must be a mapping');
    return undefined;
  }
  for (const k of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(k) || (!opts.entry && k === 'tool')) f(k, 'is not a known field');
  }
  const out: VendorFacts = { plans: {} };
  for (const key of TOOL_FACT_KEYS) {
    if (raw[key] === undefined) continue;
    checkFact(key, raw[key], key, now, f);
    if (isObject(raw[key])) (out as unknown as Raw)[key] = normaliseFact(key, raw[key]);
  }
  if (raw.note !== undefined) {
    if (typeof raw.note !== 'string' || raw.note.trim() === '') f('note', 'must be text');
    else out.note = raw.note;
  }
  if (raw.plans === undefined) {
    if (opts.entry) f('plans', 'is missing: list the plans the vendor offers, or {} with a note');
  } else if (!isObject(raw.plans)) f('plans', `must be a mapping of ${FACT_PLANS.join(', ')}`);
  else {
    if (opts.entry && Object.keys(raw.plans).length === 0 && out.note === undefined)
      f('plans', "is empty: say why in the tool's note (open source, runs locally …)");
    for (const [plan, body] of Object.entries(raw.plans)) {
      const field = `plans.${plan}`;
      if (!(FACT_PLANS as readonly string[]).includes(plan)) {
        f(field, `is not a plan (${FACT_PLANS.join(', ')})`);
        continue;
      }
      if (!isObject(body)) {
        f(field, `must be a mapping of ${PLAN_FACT_KEYS.join(', ')}`);
        continue;
      }
      const planFacts: Raw = {};
      for (const [key, fact] of Object.entries(body)) {
        if (!PLAN_KEYS.has(key)) {
          f(`${field}.${key}`, `is not a plan fact (${PLAN_FACT_KEYS.join(', ')})`);
          continue;
        }
        checkFact(key as FactKey, fact, `${field}.${key}`, now, f);
        if (isObject(fact)) planFacts[key] = normaliseFact(key as FactKey, fact);
      }
      out.plans[plan as keyof VendorFacts['plans']] = planFacts;
    }
  }
  return failed ? undefined : out;
}

/** Checks one entry of a facts file; problems are named by file, tool and field. */
export function validateFactsEntry(
  raw: unknown,
  file: string,
  knownToolIds: ReadonlySet<string>,
  now: Date,
): { toolId?: string; facts?: VendorFacts; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const toolId = isObject(raw) && typeof raw.tool === 'string' ? raw.tool : undefined;
  const fail: Fail = (field, message) => problems.push({ file, toolId, field, message });
  if (toolId === undefined) fail('tool', 'is missing: name a catalog tool id');
  else if (!knownToolIds.has(toolId)) fail('tool', 'is not a tool in the catalog');
  const facts = checkFactsBlock(raw, now, fail, { entry: true });
  return { toolId, facts: problems.length === 0 ? facts : undefined, problems };
}
