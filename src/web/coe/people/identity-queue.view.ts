import { RESOLVABLE_KINDS, type ResolvableKind } from '../../../people/identity/identity-kinds';
import { formChoice, formText, type CoeFieldError, type CoeFormBody } from '../coe-form';

/** An identity no rule resolved, as the people service lists it. */
export interface UnresolvedIdentityRow {
  kind: ResolvableKind;
  value: string;
  source: string;
  reason: string;
  candidates: string[];
  occurrences: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface CoePersonChoice {
  id: string;
  label: string;
}

export interface UnresolvedRowView {
  kind: ResolvableKind;
  kindLabel: string;
  value: string;
  source: string;
  reason: string;
  occurrences: number;
  seen: string;
  candidates: CoePersonChoice[];
  /** a stable id for the row's form and its labels */
  key: string;
}

const KIND_LABELS: Record<ResolvableKind, string> = {
  email: 'E-mail',
  github: 'GitHub login',
  'commit-email': 'Commit e-mail',
  username: 'User name',
  ip: 'IP address',
};

const REASON_LABELS: Record<string, string> = {
  'no-match': 'no person matches',
  ambiguous: 'several people match',
};

function day(d: Date): string {
  return new Date(d).toISOString().slice(0, 10);
}

export function personLabel(p: {
  email: string | null;
  name: string | null;
  teamPath?: string | null;
}): string {
  const who = p.name && p.email ? `${p.name} <${p.email}>` : (p.email ?? p.name ?? 'unnamed');
  return p.teamPath ? `${who}, ${p.teamPath}` : who;
}

/** The queue, most frequent first as listed; candidates named for the rows that have some. */
export function identityQueueView(
  rows: readonly UnresolvedIdentityRow[],
  contacts: ReadonlyMap<string, { email: string | null; name: string | null }>,
): UnresolvedRowView[] {
  return rows.map((r, i) => ({
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind] ?? r.kind,
    value: r.value,
    source: r.source,
    reason: REASON_LABELS[r.reason] ?? r.reason.replace(/-/g, ' '),
    occurrences: r.occurrences,
    seen:
      day(r.firstSeen) === day(r.lastSeen)
        ? day(r.firstSeen)
        : `${day(r.firstSeen)} to ${day(r.lastSeen)}`,
    candidates: r.candidates.map((id) => ({
      id,
      label: personLabel(contacts.get(id) ?? { email: null, name: null }),
    })),
    key: `identity-${i + 1}`,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link form: which identity (kind and value) goes to which person. */
export function parseLinkForm(body: CoeFormBody): {
  link?: { personId: string; kind: ResolvableKind; value: string };
  errors: CoeFieldError[];
} {
  const errors: CoeFieldError[] = [];
  const kind = formChoice(body, 'kind', RESOLVABLE_KINDS);
  if (!kind) errors.push({ field: 'kind', message: `Kind: one of ${RESOLVABLE_KINDS.join(', ')}` });
  const value = formText(body, 'value');
  if (value === '' || value.length > 320)
    errors.push({ field: 'value', message: 'Identity: required, at most 320 characters' });
  const personId = formText(body, 'personId');
  if (!UUID.test(personId))
    errors.push({ field: 'personId', message: 'Person: choose the person to link it to' });
  if (errors.length || !kind) return { errors };
  return { link: { personId: personId.toLowerCase(), kind, value }, errors };
}
