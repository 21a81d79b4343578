// The one list of identity kinds. Evidence, the API, network roll-ups and resolution all take
// their kinds from here, so a new kind is added once.
export const IDENTITY_KINDS = [
  'email',
  'github',
  'commit-email',
  'username',
  'ip',
  'person',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** `person` is a person id already; every other kind goes through the resolution rules. */
export type ResolvableKind = Exclude<IdentityKind, 'person'>;

export function isResolvableKind(kind: string): kind is ResolvableKind {
  return kind !== 'person' && (IDENTITY_KINDS as readonly string[]).includes(kind);
}

export const RESOLVABLE_KINDS: readonly ResolvableKind[] = IDENTITY_KINDS.filter(isResolvableKind);
