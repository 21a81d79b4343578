import { createHmac } from 'node:crypto';
import { RESOLVABLE_KINDS, type IdentityKind, type ResolvableKind } from './identity-kinds';
import { normaliseIdentity, usernameLocalPart } from './identity-rules';

/** Kinds an erasure keeps a tombstone of. Addresses are reassigned, so an IP is never one. */
export type TombstoneKind = Exclude<ResolvableKind, 'ip'>;
export const TOMBSTONE_KINDS: readonly TombstoneKind[] = RESOLVABLE_KINDS.filter(
  (k): k is TombstoneKind => k !== 'ip',
);

export function isTombstoneKind(kind: string): kind is TombstoneKind {
  return (TOMBSTONE_KINDS as readonly string[]).includes(kind);
}

/** The stored form of one erased identity: a keyed hash of the normalised value, hex. */
export function tombstoneHash(salt: string, kind: TombstoneKind, value: string): string {
  // a user name is compared as resolution compares it: `CORP\\ann`, `ann@corp` and `ann` are one
  const normalised =
    kind === 'username' ? usernameLocalPart(value) : normaliseIdentity(kind, value);
  return createHmac('sha256', salt).update(`${kind}:${normalised}`, 'utf8').digest('hex');
}

/**
 * Answers "was this identity erased?" from the tombstones read once, hashing each distinct
 * identity once (a log names the same user on many lines).
 */
export class ErasedIdentities {
  private readonly seen = new Map<string, boolean>();

  constructor(
    private readonly salt: string,
    private readonly hashes: ReadonlySet<string>,
  ) {}

  get empty(): boolean {
    return this.hashes.size === 0;
  }

  has(kind: IdentityKind | string, value: string): boolean {
    if (this.hashes.size === 0 || !isTombstoneKind(kind)) return false;
    const key = `${kind}\u0000${value}`;
    let erased = this.seen.get(key);
    if (erased === undefined) {
      erased = this.hashes.has(tombstoneHash(this.salt, kind, value));
      this.seen.set(key, erased);
    }
    return erased;
  }
}
