import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { EvidenceService } from '../../evidence/evidence.service';
import { ReposRepository } from './repos.repository';

/** The repositories scans have seen: listing, one repository, its evidence, its data classes. */
@Injectable()
export class ReposService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
  ) {}

  list(filter: { source?: 'local' | 'github'; owner?: string; limit?: number; offset?: number }) {
    return this.repos.list({ ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
  }

  /** Every repository with the data classes its topics or custom properties give it (for correlation). */
  async classifications(): Promise<{ repository: string; dataClasses: string[] }[]> {
    const out: { repository: string; dataClasses: string[] }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.repos.list({ limit: 1000, offset });
      for (const r of page)
        out.push({ repository: r.name, dataClasses: r.classification?.dataClasses ?? [] });
      if (page.length < 1000) return out;
    }
  }

  listScans(limit = 50) {
    return this.repos.listScans(limit);
  }

  async get(id: string) {
    const repo = /^[0-9a-f-]{36}$/i.test(id) ? await this.repos.findById(id) : null;
    if (!repo) throw new DomainError(ErrorCode.NotFound, `No repository with id ${id}`);
    return repo;
  }

  /** Evidence carries commit e-mails and GitHub logins: person-level, so the read is audited. */
  async evidenceOf(
    id: string,
    filter: { toolId?: string; signal?: string; limit?: number; offset?: number },
    actor: Actor,
  ) {
    const repo = await this.get(id);
    const rows = await this.evidence.list({
      repository: repo.name,
      ...filter,
      limit: filter.limit ?? 100,
      offset: filter.offset ?? 0,
    });
    await this.audit.recordRead(actor, 'repository-evidence', id, {
      ...filter,
      rows: rows.length,
    });
    return { repository: repo, evidence: rows };
  }
}
