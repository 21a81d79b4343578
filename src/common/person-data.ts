/**
 * What a module holds about one person. Every module that keeps person-level records implements
 * `PersonDataHolder` on its service, so the privacy module can answer a subject-access request
 * and carry out an erasure by calling services, never by reading another module's tables.
 */
export interface PersonDataSection {
  /** A stable name for the kind of record: `identities`, `evidence`, `findings`, `answers`… */
  kind: string;
  /** Plain JSON rows, as the person would read them; no secrets, nothing about anyone else. */
  rows: Record<string, unknown>[];
}

export interface PersonDataHolder {
  /** Every record this module holds about the person, by kind. */
  personData(personId: string): Promise<PersonDataSection[]>;
  /**
   * Removes the person's records (or cuts their link to the person where an aggregate must keep
   * its count) and returns how many rows of each kind it removed.
   */
  erasePerson(personId: string): Promise<Record<string, number>>;
}
