import { parse } from 'csv-parse/sync';
import type { ResolvableKind } from './identity/identity-kinds';

export interface DirectoryRow {
  line: number;
  email: string;
  name: string | null;
  /** team path from the root, e.g. ["Engineering", "Platform"] */
  teamPath: string[];
  managerEmail: string | null;
  githubLogin: string | null;
  aliases: { kind: ResolvableKind; value: string }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,38})$/i;
const HEADERS: Record<
  string,
  keyof Omit<DirectoryRow, 'line' | 'aliases' | 'teamPath'> | 'aliases' | 'team'
> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  name: 'name',
  'display name': 'name',
  team: 'team',
  manager: 'managerEmail',
  'manager email': 'managerEmail',
  github: 'githubLogin',
  'github login': 'githubLogin',
  github_login: 'githubLogin',
  aliases: 'aliases',
};

/**
 * A directory CSV with a header row naming email, name, team, manager, github login and aliases
 * (any order; only email is required). Teams nest with "/" or ">"; aliases are separated by ";"
 * or spaces and may be e-mails, DOMAIN\user names or IP addresses. Bad rows are reported by line
 * and skipped; good rows are kept.
 */
export function parseDirectoryCsv(
  text: string,
  fileName = 'directory.csv',
): { rows: DirectoryRow[]; errors: string[] } {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const errors: string[] = [];
  if (records.length === 0) return { rows: [], errors: [`${fileName}: the file is empty`] };
  const header = records[0].map((h) => HEADERS[h.trim().toLowerCase()]);
  const emailColumn = header.indexOf('email');
  if (emailColumn < 0)
    return { rows: [], errors: [`${fileName}: line 1: no "email" column in the header`] };
  const rows: DirectoryRow[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2;
    const field = (name: string) => {
      const index = header.indexOf(name as never);
      return index >= 0 ? (record[index] ?? '').trim() : '';
    };
    const email = field('email').toLowerCase();
    if (!EMAIL.test(email))
      return errors.push(
        `${fileName}: line ${line}: field "email": "${field('email')}" is not an e-mail address`,
      );
    if (seen.has(email))
      return errors.push(
        `${fileName}: line ${line}: field "email": ${email} appears twice; later row skipped`,
      );
    const managerEmail = field('managerEmail').toLowerCase() || null;
    if (managerEmail && !EMAIL.test(managerEmail))
      return errors.push(
        `${fileName}: line ${line}: field "manager": "${managerEmail}" is not an e-mail address`,
      );
    const githubLogin = field('githubLogin').replace(/^@/, '') || null;
    if (githubLogin && !LOGIN.test(githubLogin))
      return errors.push(
        `${fileName}: line ${line}: field "github login": "${githubLogin}" is not a GitHub login`,
      );
    seen.add(email);
    rows.push({
      line,
      email,
      name: field('name') || null,
      teamPath: field('team')
        .split(/\s*[/>]\s*/)
        .map((t) => t.trim())
        .filter(Boolean),
      managerEmail,
      githubLogin,
      aliases: field('aliases')
        .split(/[;,\s]+/)
        .filter(Boolean)
        .map(aliasOf),
    });
  });
  return { rows, errors };
}

/** What a directory column is read as, for the import's preview. */
export interface DirectoryColumnPreview {
  index: number;
  header: string;
  /** the field it fills, or null when the import ignores the column */
  field: 'email' | 'name' | 'team' | 'manager' | 'github login' | 'aliases' | null;
}

const FIELD_NAMES: Record<(typeof HEADERS)[string], DirectoryColumnPreview['field']> = {
  email: 'email',
  name: 'name',
  team: 'team',
  managerEmail: 'manager',
  githubLogin: 'github login',
  aliases: 'aliases',
};

/**
 * How the import will read a directory CSV's columns, from its header row alone (no person's
 * data is read): each column's field or null when ignored, and the problem that would stop it.
 */
export function previewDirectoryCsv(
  text: string,
  fileName = 'directory.csv',
): { columns: DirectoryColumnPreview[]; error: string | null } {
  let header: string[];
  try {
    header =
      (
        parse(text.replace(/^\uFEFF/, ''), {
          relax_column_count: true,
          skip_empty_lines: true,
          to: 1,
        }) as string[][]
      )[0] ?? [];
  } catch (error) {
    return { columns: [], error: `${fileName}: line 1: ${(error as Error).message}` };
  }
  if (header.length === 0) return { columns: [], error: `${fileName}: the file is empty` };
  const used = new Set<string>();
  const columns = header.map((raw, index) => {
    const key = HEADERS[raw.trim().toLowerCase()];
    // the parser reads the first column of a field; a repeat is ignored
    const field = key && !used.has(key) ? FIELD_NAMES[key] : null;
    if (key) used.add(key);
    return { index, header: raw.trim(), field };
  });
  return {
    columns,
    error: used.has('email') ? null : `${fileName}: line 1: no "email" column in the header`,
  };
}

function aliasOf(raw: string): { kind: ResolvableKind; value: string } {
  if (raw.includes('\\')) return { kind: 'username', value: raw };
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(raw) || /^[0-9a-f:]+:[0-9a-f:]*$/i.test(raw))
    return { kind: 'ip', value: raw };
  if (raw.includes('@')) return { kind: 'email', value: raw };
  return { kind: 'username', value: raw };
}
