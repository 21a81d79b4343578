import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/role';
import { identifierPattern, redactJson, redactText } from '../../common/identifier-redaction';
import { PeopleService } from '../../people/people.service';
import type { FindingEntity } from '../entities/finding.entity';
import type { FindingEventEntity } from '../entities/finding-event.entity';
import { RevealService } from './reveal.service';
import { TriagePseudonyms } from './triage-pseudonyms';

export type MaskedFinding = FindingEntity & { subjectPseudonymised?: boolean; revealed?: boolean };

/**
 * Person findings as a pseudonymised reader sees them: the person id becomes a stable pseudonym,
 * and their identifiers in evidence and comments become the same pseudonym, unless an approved
 * reveal of that finding is in force for this reader. Lives in the service layer, so every view
 * built on the findings reads (API, console, exports) inherits it.
 */
@Injectable()
export class FindingMasksService {
  constructor(
    private readonly pseudonyms: TriagePseudonyms,
    private readonly reveals: RevealService,
    private readonly people: PeopleService,
  ) {}

  async list(items: FindingEntity[], actor: Actor): Promise<MaskedFinding[]> {
    if (!this.pseudonyms.appliesTo(actor)) return items;
    const revealed = await this.reveals.revealedTo(
      items.filter((f) => f.subjectType === 'person').map((f) => f.id),
      actor,
    );
    return items.map((f) =>
      f.subjectType !== 'person'
        ? f
        : revealed.has(f.id)
          ? { ...f, revealed: true }
          : // fingerprints spell identities out (`network:username:…`); the detail view masks them
            {
              ...f,
              subjectId: this.pseudonyms.of(f.subjectId),
              subjectPseudonymised: true,
              evidenceFingerprints: [],
            },
    );
  }

  async detail<E extends object>(
    finding: FindingEntity,
    events: FindingEventEntity[],
    evidence: E[],
    actor: Actor,
  ): Promise<{ finding: MaskedFinding; events: FindingEventEntity[]; evidence: E[] }> {
    if (!this.pseudonyms.appliesTo(actor) || finding.subjectType !== 'person')
      return { finding, events, evidence };
    const revealed = await this.reveals.revealedTo([finding.id], actor);
    if (revealed.has(finding.id))
      return { finding: { ...finding, revealed: true }, events, evidence };
    const pseudonym = this.pseudonyms.of(finding.subjectId);
    const ids = await this.people.identifiersOf(finding.subjectId);
    const pattern = identifierPattern(ids?.strings ?? [finding.subjectId]);
    return {
      finding: {
        ...redactJson(finding, pattern, pseudonym),
        subjectId: pseudonym,
        subjectPseudonymised: true,
      },
      events: events.map((e) => ({
        ...e,
        comment: e.comment === null ? null : redactText(e.comment, pattern, pseudonym),
        detail: e.detail === null ? null : redactJson(e.detail, pattern, pseudonym),
      })),
      // detail and fingerprints name identities (`network:username:…`): the pseudonym stands in
      evidence: evidence.map((row) => redactJson(row, pattern, pseudonym)),
    };
  }
}
