import { Injectable } from '@nestjs/common';
import type { PersonDataHolder, PersonDataSection } from '../../common/person-data';
import { NudgesService } from './nudges.service';
import { OutreachRepository } from './outreach.repository';
import type { AupAcknowledgementRates } from './outreach.types';

/**
 * What other modules use of the outreach: the acknowledgement rate for the baseline report, and
 * a person's records for subject access and erasure.
 */
@Injectable()
export class OutreachService implements PersonDataHolder {
  constructor(
    private readonly repo: OutreachRepository,
    private readonly nudges: NudgesService,
  ) {}

  /** The newest acceptable-use policy's acknowledgement rate by team, groups under k suppressed. */
  acknowledgementRateByTeam(): Promise<AupAcknowledgementRates> {
    return this.nudges.acknowledgementRates();
  }

  async personData(personId: string): Promise<PersonDataSection[]> {
    const r = await this.repo.ofPerson(personId);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return [
      {
        kind: 'clarification-requests',
        rows: r.clarifications.map((c) => ({
          id: c.id,
          findingId: c.findingId,
          toolId: c.toolId,
          askedBy: c.askedBy,
          askedAt: iso(c.createdAt),
          answeredAt: iso(c.answeredAt),
          uses: c.uses,
          dataClasses: c.dataClasses,
          note: c.note,
          closedLead: c.closedLead,
        })),
      },
      {
        kind: 'nudges',
        rows: r.nudges.map((n) => ({
          id: n.id,
          toolId: n.toolId,
          aupVersion: n.aupVersion,
          subject: n.subject,
          body: n.body,
          sentBy: n.sentBy,
          sentAt: iso(n.createdAt),
          acknowledgedAt: iso(n.acknowledgedAt),
        })),
      },
      {
        kind: 'aup-acknowledgements',
        rows: r.acknowledgements.map((a) => ({
          aupVersion: a.aupVersion,
          acknowledgedAt: iso(a.acknowledgedAt),
        })),
      },
      {
        kind: 'tool-requests',
        rows: r.requests.map((t) => ({
          id: t.id,
          toolId: t.toolId,
          team: t.team,
          contactEmail: t.contactEmail,
          reason: t.reason,
          status: t.status,
          decision: t.decision,
          decidedAt: iso(t.decidedAt),
          createdAt: iso(t.createdAt),
          comments: r.comments
            .filter((c) => c.requestId === t.id)
            .map((c) => ({ body: c.body, at: iso(c.at) })),
        })),
      },
    ];
  }

  erasePerson(personId: string): Promise<Record<string, number>> {
    return this.repo.erasePerson(personId);
  }
}
