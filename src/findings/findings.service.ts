import { Injectable } from '@nestjs/common';
import { EvidenceService } from '../evidence/evidence.service';
import { identifierPattern } from '../common/identifier-redaction';
import { PeopleService } from '../people/people.service';
import { FindingsErasureRepository } from './findings-erasure.repository';
import { TriagePseudonyms } from './reveal/triage-pseudonyms';
import { FindingsRepository } from './findings.repository';
import type { FindingEvidenceRefs, FindingRecord } from './findings.types';

/** What other modules read of the findings: the findings themselves, never a report's model. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly evidence: EvidenceService,
    private readonly people: PeopleService,
    private readonly erasure: FindingsErasureRepository,
    private readonly pseudonyms: TriagePseudonyms,
  ) {}

  /** Every present finding with its factors and triage state, ordered by id. */
  present(): Promise<FindingRecord[]> {
    return this.repo.allPresent();
  }

  /** The evidence fingerprints each finding rests on, for the evidence module to look up. */
  evidenceRefs(findingIds: string[]): Promise<FindingEvidenceRefs[]> {
    return this.repo.evidenceRefs(findingIds);
  }

  /** The most recent evidence rows of each finding, read through the evidence module. */
  async evidenceFor(findingIds: string[], perFinding: number) {
    const refs = await this.evidenceRefs(findingIds);
    const rows = await this.evidence.latestOf(
      refs.map((r) => ({ key: r.findingId, fingerprints: r.fingerprints })),
      perFinding,
    );
    return rows.map(({ key, ...row }) => ({ findingId: key, ...row }));
  }

  // --- erasure (privacy) ---

  /** The ids of the person's findings, present or not. */
  findingIdsOf(personId: string): Promise<string[]> {
    return this.erasure.findingIdsOf(personId);
  }

  /** Removes the person's findings with their triage history; other findings' mentions scrubbed. */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    const ids = await this.people.identifiersOf(personId);
    return this.erasure.erase(
      personId,
      ids?.identities ?? [],
      identifierPattern(ids?.strings ?? [personId]),
    );
  }

  // --- pseudonymised triage ---

  /** The pseudonym person findings are read under, or null when PSEUDONYMISED_TRIAGE is off. */
  triagePseudonymOf(personId: string): string | null {
    return this.pseudonyms.enabled ? this.pseudonyms.of(personId) : null;
  }
}
