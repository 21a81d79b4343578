import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { connectorOf, CONNECTORS } from './connector-registry';
import { VendorsRepository } from './vendors.repository';

/** What the connectors are set to and how their last runs went; never a credential. */
@Injectable()
export class VendorConnectorsService {
  constructor(
    private readonly repo: VendorsRepository,
    private readonly audit: AuditService,
  ) {}

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
          credentialFromEnvironment: !!process.env[c.credentialEnv],
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

  /** Current seats per holder: person-level, audited when read. */
  async seats(actor: Actor) {
    const seats = await this.repo.activeSeats();
    await this.audit.recordRead(actor, 'vendor-seat', null, { returned: seats.length });
    return { seats };
  }
}
