import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import type { ProgressCallback } from '../jobs/job.types';
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

  /** `job`: the import job of an uploaded file, whose progress it reports and whose id it records. */
  async importCsv(
    csv: string,
    fileName: string | undefined,
    actor: Actor,
    job?: { id: string; progress: ProgressCallback },
  ) {
    const result = await this.people.importDirectoryCsv(csv, fileName, job?.progress);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: {
        source: 'csv',
        ...(job ? { file: fileName ?? null, jobId: job.id } : {}),
        persons: result.persons,
        errors: result.errors.length,
      },
    });
    return result;
  }

  async importGithubOrg(org: string, actor: Actor) {
    const result = await this.people.importGithubOrg(org);
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

  /** A person search for a manual link: it returns e-mails and names, so it is audited. */
  async search(text: string, actor: Actor) {
    const found = await this.people.searchPersons(text);
    await this.audit.recordRead(actor, 'person', null, { search: text, rows: found.length });
    return found;
  }

  /** Names and e-mails of given people (an unresolved identity's candidates), audited. */
  async contacts(personIds: string[], actor: Actor) {
    if (personIds.length === 0)
      return new Map<string, { email: string | null; name: string | null }>();
    await this.audit.recordRead(actor, 'person', null, { contacts: personIds.length });
    return this.people.contactsOf(personIds);
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
