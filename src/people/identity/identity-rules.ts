import type { ResolvableKind } from './identity-kinds';
import { leaseHolder, normaliseIp, type IpLease, type TimeSpan } from './ip-leases';

/** One person as the resolution rules see the directory. */
export interface DirectoryEntry {
  id: string;
  emails: string[];
  githubLogin?: string | null;
  /** proxy / directory user names as recorded (DOMAIN\user, user@corp, bare user) */
  usernames?: string[];
}

export interface KnownIdentity {
  personId: string;
  kind: ResolvableKind;
  value: string;
  manual: boolean;
}

export interface Directory {
  persons: DirectoryEntry[];
  identities: KnownIdentity[];
  leases: IpLease[];
}

export type ResolutionRule =
  | 'manual-link'
  | 'known-identity'
  | 'email'
  | 'github-login'
  | 'github-noreply'
  | 'commit-email'
  | 'username'
  | 'username-email-local-part'
  | 'email-local-part'
  | 'ip-lease';

export type Resolution =
  | { resolved: true; personId: string; confidence: number; rule: ResolutionRule }
  | { resolved: false; reason: 'no-match' | 'ambiguous' | 'invalid'; candidates: string[] };

/** Confidence per rule: exact directory facts near 1, inferences from name shapes lower. */
export const RULE_CONFIDENCE: Record<ResolutionRule, number> = {
  'manual-link': 1,
  'known-identity': 0.95,
  email: 1,
  'github-login': 1,
  'github-noreply': 0.95,
  'commit-email': 0.9,
  username: 0.9,
  'username-email-local-part': 0.7,
  'email-local-part': 0.5,
  'ip-lease': 0.8,
};

const NOREPLY = /^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]{0,38}))@users\.noreply\.github\.com$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Canonical form of a value of a kind, so stored and observed identities compare equal. */
export function normaliseIdentity(kind: ResolvableKind, value: string): string {
  const trimmed = value.trim();
  switch (kind) {
    case 'email':
    case 'commit-email':
    case 'github':
    case 'username':
      return trimmed.toLowerCase();
    case 'ip':
      return normaliseIp(trimmed);
  }
}

/** `12345+login@users.noreply.github.com` and `login@users.noreply.github.com` → login. */
export function githubLoginFromNoreply(email: string): string | undefined {
  return NOREPLY.exec(email.trim().toLowerCase())?.[1];
}

/** `DOMAIN\user` → user; `user@corp.example` (UPN) → user; bare `user` → user. */
export function usernameLocalPart(username: string): string {
  const value = username.trim().toLowerCase();
  const backslash = value.lastIndexOf('\\');
  if (backslash >= 0) return value.slice(backslash + 1);
  const at = value.indexOf('@');
  return at >= 0 ? value.slice(0, at) : value;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function decide(personIds: string[], rule: ResolutionRule): Resolution | undefined {
  const ids = unique(personIds);
  if (ids.length === 1)
    return { resolved: true, personId: ids[0], confidence: RULE_CONFIDENCE[rule], rule };
  if (ids.length > 1) return { resolved: false, reason: 'ambiguous', candidates: ids };
  return undefined;
}

/**
 * Resolve one observed identity against the directory. Rules run from the most to the least
 * certain; the first rule that finds exactly one person wins, two or more people is ambiguous
 * and left for a human. `at` (a moment, or the span the evidence covers) picks the IP lease in
 * force then.
 */
export function resolveIdentity(
  directory: Directory,
  kind: ResolvableKind,
  rawValue: string,
  at?: Date | TimeSpan,
): Resolution {
  const value = normaliseIdentity(kind, rawValue);
  if (!value) return { resolved: false, reason: 'invalid', candidates: [] };

  const known = directory.identities.filter(
    (i) => i.kind === kind && normaliseIdentity(i.kind, i.value) === value,
  );
  const manual = decide(
    known.filter((i) => i.manual).map((i) => i.personId),
    'manual-link',
  );
  if (manual) return manual;

  const byEmail = (email: string) =>
    directory.persons
      .filter((p) => p.emails.some((e) => e.toLowerCase() === email))
      .map((p) => p.id);
  const byLogin = (login: string) =>
    directory.persons.filter((p) => p.githubLogin?.toLowerCase() === login).map((p) => p.id);
  const byLocalPart = (local: string) =>
    directory.persons
      .filter((p) => p.emails.some((e) => e.toLowerCase().split('@')[0] === local))
      .map((p) => p.id);

  switch (kind) {
    case 'email':
      if (!EMAIL.test(value)) return { resolved: false, reason: 'invalid', candidates: [] };
      return (
        decide(byEmail(value), 'email') ??
        decide(
          known.map((i) => i.personId),
          'known-identity',
        ) ??
        decide(byLocalPart(value.split('@')[0]), 'email-local-part') ??
        noMatch()
      );
    case 'commit-email': {
      const login = githubLoginFromNoreply(value);
      if (login)
        return (
          decide(byLogin(login), 'github-noreply') ??
          decide(
            known.map((i) => i.personId),
            'known-identity',
          ) ??
          noMatch()
        );
      return (
        decide(byEmail(value), 'commit-email') ??
        decide(
          known.map((i) => i.personId),
          'known-identity',
        ) ??
        decide(byLocalPart(value.split('@')[0]), 'email-local-part') ??
        noMatch()
      );
    }
    case 'github':
      return (
        decide(byLogin(value.replace(/^@/, '')), 'github-login') ??
        decide(
          known.map((i) => i.personId),
          'known-identity',
        ) ??
        noMatch()
      );
    case 'username': {
      const local = usernameLocalPart(value);
      const byUsername = directory.persons
        .filter((p) =>
          (p.usernames ?? []).some(
            (u) => u.toLowerCase() === value || usernameLocalPart(u) === local,
          ),
        )
        .map((p) => p.id);
      return (
        decide(
          known.map((i) => i.personId),
          'known-identity',
        ) ??
        decide(byUsername, 'username') ??
        // A UPN is often the mail address itself.
        (value.includes('@') ? decide(byEmail(value), 'email') : undefined) ??
        decide(byLocalPart(local), 'username-email-local-part') ??
        noMatch()
      );
    }
    case 'ip': {
      if (at) {
        const span = at instanceof Date ? { from: at, to: at } : at;
        const verdict = leaseHolder(directory.leases, value, span);
        return verdict.holder === null
          ? { resolved: false, reason: verdict.reason, candidates: verdict.candidates }
          : {
              resolved: true,
              personId: verdict.holder,
              confidence: RULE_CONFIDENCE['ip-lease'],
              rule: 'ip-lease',
            };
      }
      // Without a time only an address ever leased to one person says anything.
      const leases = directory.leases.filter((l) => normaliseIp(l.ip) === value);
      return (
        decide(
          leases.map((l) => l.personId),
          'ip-lease',
        ) ?? noMatch()
      );
    }
  }
}

function noMatch(): Resolution {
  return { resolved: false, reason: 'no-match', candidates: [] };
}

export interface ObservedIdentity {
  kind: ResolvableKind;
  value: string;
  at?: Date | TimeSpan;
}

export interface UnresolvedIdentity extends ObservedIdentity {
  reason: 'no-match' | 'ambiguous' | 'invalid';
  candidates: string[];
}

/** Resolve a batch; whatever no rule settles is listed for a human to link. */
export function resolveAll(
  directory: Directory,
  observed: ObservedIdentity[],
): {
  resolved: (ObservedIdentity & { personId: string; confidence: number; rule: ResolutionRule })[];
  unresolved: UnresolvedIdentity[];
} {
  const resolved: (ObservedIdentity & {
    personId: string;
    confidence: number;
    rule: ResolutionRule;
  })[] = [];
  const unresolved: UnresolvedIdentity[] = [];
  for (const identity of observed) {
    const result = resolveIdentity(directory, identity.kind, identity.value, identity.at);
    if (result.resolved)
      resolved.push({
        ...identity,
        personId: result.personId,
        confidence: result.confidence,
        rule: result.rule,
      });
    else unresolved.push({ ...identity, reason: result.reason, candidates: result.candidates });
  }
  return { resolved, unresolved };
}
