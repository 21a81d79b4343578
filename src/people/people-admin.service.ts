import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import type { ResolvableKind } from './identity/identity-kinds';
import type { TimeSpan } from './identity/ip-leases';
import { PeopleService } from './people.service';

/**
 * What an administrator does to the directory (imports, manual links) and the person-level reads
 * of it: each audited as the actor's. Other modules use PeopleService and are not audited here.
 */
@Injectable()
export class PeopleAdminService {
  constructor(
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  async importCsv(csv: string, fileName: string | undefined, actor: Actor) {
    const result = await this.people.importDirectoryCsv(csv, fileName);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'csv', persons: result.persons, errors: result.errors.length },
    });
    return result;
  }

  async importGithubOrg(org: string, apiUrl: string | undefined, actor: Actor) {
    const result = await this.people.importGithubOrg(org, apiUrl);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'github-org', org, ...result },
    });
    return result;
  }

  /** `strict`: see PeopleService.importLeasesCsv (a lease file given with a log ingest). */
  async importLeases(
    csv: string,
    fileName: string | undefined,
    actor: Actor,
    opts: { strict?: boolean } = {},
  ) {
    const result = await this.people.importLeasesCsv(csv, fileName, opts);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: {
        source: 'leases',
        file: fileName ?? null,
        leases: result.leases,
        added: result.added,
        errors: result.errors.length,
      },
    });
    return result;
  }

  async link(personId: string, kind: ResolvableKind, value: string, actor: Actor) {
    await this.people.linkIdentity(personId, kind, value, actor.name);
    await this.audit.record({
      actor,
      action: 'identity.link',
      targetType: 'person',
      targetId: personId,
      detail: { kind },
    });
  }

  async list(filter: { teamId?: string; limit?: number; offset?: number }, actor: Actor) {
    await this.audit.recordRead(actor, 'person', null, { filter: { ...filter } });
    return this.people.listPersons(filter);
  }

  async get(id: string, actor: Actor) {
    await this.audit.recordRead(actor, 'person', id);
    return this.people.getPerson(id);
  }

  async unresolved(actor: Actor) {
    await this.audit.recordRead(actor, 'identity', null, { list: 'unresolved' });
    return this.people.listUnresolved();
  }

  async resolve(kind: ResolvableKind, value: string, actor: Actor, at?: Date | TimeSpan) {
    await this.audit.recordRead(actor, 'identity', null, { kind });
    return this.people.resolveIdentity(kind, value, { at, source: 'api' });
  }
}
