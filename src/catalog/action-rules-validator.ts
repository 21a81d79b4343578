// Checks for the two rule kinds that reach past a host name: browser extension ids and
// per-action request patterns. Kept apart from catalog-validator.ts, which is long enough.
import { TOOL_ACTIONS } from './catalog.types';
import { checkStrings, isHttpsUrl, type Fail } from './validator-utils';
import { domainRuleProblem } from './matcher/host-index';

/** A Chrome Web Store id: 32 letters from a to p (a base-16 hash written with a–p). */
export const CHROME_EXTENSION_ID = /^[a-p]{32}$/;

const ACTION_KEYS = new Set([
  'action',
  'host',
  'path',
  'method',
  'minBytesUp',
  'source',
  'confidence',
]);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function checkBrowserExtensions(value: unknown, fail: Fail): void {
  if (!checkStrings(value, 'rules.browserExtensions', fail)) return;
  (value as unknown[]).forEach((id, i) => {
    if (typeof id === 'string' && !CHROME_EXTENSION_ID.test(id))
      fail(`rules.browserExtensions[${i}]`, 'must be a Chrome Web Store id (32 letters a–p)');
  });
}

export function checkActionRules(value: unknown, fail: Fail): void {
  if (!Array.isArray(value)) {
    fail('rules.actions', 'must be a list of action rules');
    return;
  }
  value.forEach((raw, i) => {
    const field = `rules.actions[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(field, 'must be a mapping with action, path, source and confidence');
      return;
    }
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!ACTION_KEYS.has(key)) fail(`${field}.${key}`, 'is not a known field');
    }
    if (!TOOL_ACTIONS.includes(r.action as never))
      fail(`${field}.action`, `must be one of ${TOOL_ACTIONS.join(', ')}`);
    if (typeof r.path !== 'string' || !r.path.startsWith('/') || /[\s?#]/.test(r.path))
      fail(`${field}.path`, 'must be a URL path starting with / (no query, no spaces)');
    else if (r.path === '/' || r.path === '/**')
      // the whole site is the tool, not one of its actions
      fail(`${field}.path`, 'must name part of the site, not all of it');
    if (r.host !== undefined) {
      const problem = typeof r.host === 'string' ? domainRuleProblem(r.host) : 'must be text';
      if (problem) fail(`${field}.host`, problem);
    }
    if (r.method !== undefined && !METHODS.has(r.method as string))
      fail(`${field}.method`, `must be one of ${[...METHODS].join(', ')}`);
    if (
      r.minBytesUp !== undefined &&
      (typeof r.minBytesUp !== 'number' || !Number.isInteger(r.minBytesUp) || r.minBytesUp < 1)
    )
      fail(`${field}.minBytesUp`, 'must be a whole number of bytes, 1 or more');
    if (!isHttpsUrl(r.source)) fail(`${field}.source`, 'must be an https URL');
    if (r.confidence !== 'high' && r.confidence !== 'medium')
      fail(`${field}.confidence`, 'must be high or medium');
  });
}
