import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { PersonDataHolder, PersonDataSection } from '../../common/person-data';
import { PeopleService } from '../../people/people.service';
import type { Actor } from '../../auth/role';
import { connectorOf, CONNECTORS, credentialFromEnv } from './connector-registry';
import { CopilotMetricsRepository } from './copilot-metrics.repository';
import type { CopilotOrgDay } from './connector.types';
import { dayOf } from './connectors/connector-days';
import { VendorsRepository } from './vendors.repository';

/** What the connectors are set to and how their last runs went; never a credential. */
@Injectable()
export class VendorConnectorsService implements PersonDataHolder {
  constructor(
    private readonly repo: VendorsRepository,
    private readonly copilotMetrics: CopilotMetricsRepository,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  /** The seats a person holds, found by the e-mails and logins the directory knows for them. */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const seats = await this.repo.seatsOf(await this.emailsOf(personId));
    if (seats.length === 0) return [];
    return [
      {
        kind: 'vendor-seats',
        rows: seats.map((s) => ({
          connector: s.connectorId,
          toolId: s.toolId,
          email: s.email,
          status: s.status,
          firstSeen: s.firstSeen.toISOString(),
          lastSeen: s.lastSeen.toISOString(),
          lastActiveDay: s.lastActiveDay,
        })),
      },
    ];
  }

  async erasePerson(personId: string): Promise<Record<string, number>> {
    return { 'vendor-seats': await this.repo.deleteSeatsOf(await this.emailsOf(personId)) };
  }

  /** A seat names its holder by e-mail, or by GitHub login (Copilot). */
  private async emailsOf(personId: string): Promise<string[]> {
    const ids = await this.people.identifiersOf(personId);
    return (ids?.identities ?? [])
      .filter((i) => i.kind === 'email' || i.kind === 'github')
      .map((i) => i.value);
  }

  async list() {
    const rows = new Map((await this.repo.all()).map((r) => [r.connectorId, r]));
    return {
      connectors: [...CONNECTORS.values()].map((c) => {
        const row = rows.get(c.id);
        return {
          id: c.id,
          name: c.name,
          signals: c.signals,
          credentialStored: !!row?.credentialKeyId,
          credentialFromEnvironment: !!credentialFromEnv(c),
          apiUrl: row?.apiUrl ?? c.defaultApiUrl,
          everyMinutes: row?.everyMinutes ?? null,
          lastRunAt: row?.lastRunAt ?? null,
          lastStatus: row?.lastStatus ?? null,
          lastError: row?.lastError ?? null,
          cursor: row?.cursor ?? null,
        };
      }),
    };
  }

  async schedule(id: string, everyMinutes: number | null, actor: Actor) {
    const c = connectorOf(id);
    await this.repo.save(c.id, { everyMinutes });
    await this.audit.record({
      actor,
      action: 'connector.schedule',
      targetType: 'connector',
      targetId: c.id,
      detail: { everyMinutes },
    });
    return { id: c.id, everyMinutes };
  }

  async removeCredential(id: string, actor: Actor): Promise<void> {
    const c = connectorOf(id);
    await this.repo.save(c.id, { sealedCredential: null, credentialKeyId: null });
    await this.audit.record({
      actor,
      action: 'connector.credential.remove',
      targetType: 'connector',
      targetId: c.id,
    });
  }

  /** Current seats for the reports: who holds each (an e-mail) and their last recorded use. */
  async seatHolders(): Promise<
    { toolId: string; identityKind: 'email'; identity: string; lastActiveDay: string | null }[]
  > {
    return (await this.repo.activeSeats()).map((s) => ({
      toolId: s.toolId,
      identityKind: 'email' as const,
      identity: s.email,
      lastActiveDay: s.lastActiveDay,
    }));
  }

  /** GitHub Copilot's organisation-level metrics days from `since` on (aggregates, no person). */
  copilotOrgDays(since: Date): Promise<CopilotOrgDay[]> {
    return this.copilotMetrics.since(dayOf(since));
  }

  /** Current seats per holder: person-level, audited when read. */
  async seats(actor: Actor) {
    const seats = await this.repo.activeSeats();
    await this.audit.recordRead(actor, 'vendor-seat', null, { returned: seats.length });
    return { seats };
  }
}
