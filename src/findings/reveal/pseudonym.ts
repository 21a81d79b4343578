import { createHmac } from 'node:crypto';

/**
 * The name a pseudonymised reader sees for a person: a keyed hash of the person id, the same on
 * every request and in every view, and worthless without the key.
 */
export function triagePseudonym(key: string, personId: string): string {
  return `person-${createHmac('sha256', key).update(`triage:${personId}`, 'utf8').digest('hex').slice(0, 12)}`;
}
