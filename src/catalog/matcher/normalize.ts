import { domainToASCII } from 'node:url';
import type { Ecosystem } from '../catalog.types';

// Hosts arrive from proxy logs, DNS logs and URLs: most are already clean lower-case ASCII,
// so the common case costs one regular-expression test.
const CLEAN_HOST = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case ASCII host without scheme, user info, port, path or trailing dot; '' if none. */
export function normalizeHost(input: string): string {
  if (CLEAN_HOST.test(input)) return input;
  let host = input.trim().toLowerCase();
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  const pathStart = host.search(/[/?#]/);
  if (pathStart >= 0) host = host.slice(0, pathStart);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) {
    // IPv6 literal, with or without a port
    const end = host.indexOf(']');
    return end > 0 ? host.slice(1, end) : host.slice(1);
  }
  const colon = host.indexOf(':');
  if (colon >= 0 && host.indexOf(':', colon + 1) < 0) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (NON_ASCII.test(host)) host = domainToASCII(host);
  return host;
}

/** Package names compared the way each registry compares them. */
export function normalizePackage(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case 'pypi':
      // PEP 503: runs of -, _ and . are equivalent, case-insensitive
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'cargo':
      // crates.io treats - and _ as the same name
      return trimmed.toLowerCase().replace(/_/g, '-');
    case 'go':
      return trimmed.replace(/\/+$/, '');
    case 'npm':
    case 'maven':
    case 'nuget':
    case 'rubygems':
    case 'packagist':
      return trimmed.toLowerCase();
  }
}

/** Lower-case alphanumerics only, so "Chat GPT", "chat-gpt" and "ChatGPT" compare equal. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower-cased words for phrase search in free text. */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}
