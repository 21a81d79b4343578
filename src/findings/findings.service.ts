import { Injectable } from '@nestjs/common';
import type { PersonDataSection } from '../common/person-data';
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

  // ── Subject access (privacy): the person's findings, their triage events, resolved identities ──

  /**
   * Findings about the person (absent ones too, kept for their history), each change of their
   * triage (without the name of the analyst who made it), and the identities correlation gave to
   * them.
   */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const findings = await this.repo.personFindings(personId);
    const [events, identities] = await Promise.all([
      this.repo.eventsOfFindings(findings.map((f) => f.id)),
      this.repo.identitiesResolvedTo(personId),
    ]);
    return [
      {
        kind: 'findings',
        rows: findings.map((f) => ({
          id: f.id,
          tool: f.toolId,
          sanctionStatus: f.sanctionStatus,
          shadow: f.shadow,
          strength: f.strength,
          disclosure: f.disclosure,
          score: f.score,
          tier: f.tier,
          factors: f.factors,
          triageState: f.triageState,
          acceptedUntil: f.acceptedUntil?.toISOString() ?? null,
          remediatedAt: f.remediatedAt?.toISOString() ?? null,
          signals: f.signals,
          repositories: f.repositories,
          dataClasses: f.dataClasses,
          evidenceCount: f.evidenceCount,
          firstSeen: f.firstSeen.toISOString(),
          lastSeen: f.lastSeen.toISOString(),
          current: f.present,
        })),
      },
      {
        kind: 'finding-events',
        rows: events.map((e) => ({
          finding: e.findingId,
          at: e.at.toISOString(),
          action: e.action,
          from: e.fromState,
          to: e.toState,
          comment: e.comment,
          byCorrelation: e.actor === 'system',
        })),
      },
      {
        kind: 'resolved-identities',
        rows: identities.map((i) => ({
          kind: i.kind,
          value: i.value,
          resolvedAt: i.resolvedAt.toISOString(),
        })),
      },
    ];
  }

  // ── end of subject access ──

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
