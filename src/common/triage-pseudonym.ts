import { createHmac } from 'node:crypto';

// PSEUDONYMISED_TRIAGE: the names security and the CoE read people under. Keyed hashes, the same
// on every request and in every view, worthless without the key (TRIAGE_PSEUDONYM_KEY).

const digest = (key: string, subject: string) =>
  createHmac('sha256', key).update(subject, 'utf8').digest('hex').slice(0, 12);

/** A person, by their id. */
export function triagePseudonym(key: string, personId: string): string {
  return `person-${digest(key, `triage:${personId}`)}`;
}

/** An identity no one is known behind (a log's user name or address). */
export function identityPseudonym(key: string, kind: string, value: string): string {
  return `identity-${digest(key, `identity:${kind}:${value.toLowerCase()}`)}`;
}
