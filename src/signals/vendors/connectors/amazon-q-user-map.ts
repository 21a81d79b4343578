import type { RowError, VendorUsageDay } from '../connector.types';
import { type CsvLayout, readCsvExport } from './export-file';

// Amazon Q Developer's activity reports name a user by their IAM Identity Center user id
// (https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_User.html:
// a UUID, optionally after a 10-hex-digit store prefix), not by an e-mail. Such an id becomes a
// person only through a link the CoE gives: the id as an alias of the person in the directory, a
// link made by hand, or a `userid,email` CSV (--user-map) whose rows are stored as such links. The
// evidence stays under the id, so a link made later resolves earlier imports too. An id linked to
// no one is counted and named, never guessed.

export const IDENTITY_CENTER_ID =
  /^([0-9a-f]{10}-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const USER_MAP: CsvLayout = {
  format: 'Amazon Q user-id map (userid,email CSV)',
  columns: ['userid', 'email'],
  required: ['userid', 'email'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserMapEntry {
  line: number;
  /** lower-cased */
  id: string;
  email: string;
}

/** Reads a `userid,email` CSV: bad rows (not an id, not an e-mail, an id mapped twice) are named. */
export function parseUserMap(text: string): { entries: UserMapEntry[]; rejected: RowError[] } {
  const byId = new Map<string, UserMapEntry>();
  const rejected: RowError[] = [];
  for (const { line, value } of readCsvExport(text, USER_MAP)) {
    const id = (value.userid ?? '').trim().toLowerCase();
    const email = (value.email ?? '').trim().toLowerCase();
    if (!IDENTITY_CENTER_ID.test(id)) {
      rejected.push({
        line,
        field: 'userid',
        message: `"${id}" is not an IAM Identity Center user id`,
      });
      continue;
    }
    if (!EMAIL.test(email)) {
      rejected.push({ line, field: 'email', message: `"${email}" is not an e-mail address` });
      continue;
    }
    const before = byId.get(id);
    if (before && before.email !== email) {
      rejected.push({
        line,
        field: 'userid',
        message: `${id} is mapped to ${before.email} already`,
      });
      continue;
    }
    byId.set(id, { line, id, email });
  }
  return { entries: [...byId.values()], rejected };
}

/** The distinct Identity Center ids the report's rows name (kept as `username` identities). */
export function identityCenterIds(usage: VendorUsageDay[]): string[] {
  const ids = new Set<string>();
  for (const u of usage)
    if (u.identityKind === 'username' && IDENTITY_CENTER_ID.test(u.email)) ids.add(u.email);
  return [...ids].sort();
}
