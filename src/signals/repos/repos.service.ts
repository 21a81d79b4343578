import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { EvidenceService } from '../../evidence/evidence.service';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import type { JobView } from '../../jobs/job.types';
import { JobsService } from '../../jobs/jobs.service';
import { scannablePath } from './local/scan-roots';
import { ReposRepository } from './repos.repository';

/** The repositories scans have seen: listing, one repository, its evidence. */
@Injectable()
export class ReposService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues a scan of a local checkout (only under LOCAL_SCAN_ROOTS: a caller never chooses what
   * on the server is read) or of a GitHub owner. The scan audits itself when done.
   */
  async queueScan(
    request: { path?: string; owner?: string; since?: string; sbom?: boolean },
    actor: Actor,
  ): Promise<JobView> {
    if ((request.path === undefined) === (request.owner === undefined))
      throw new DomainError(
        ErrorCode.InvalidInput,
        'give exactly one of path (local checkout) or owner (GitHub)',
      );
    if (request.path !== undefined) {
      const path = await scannablePath(request.path, this.config.localScanRoots);
      return this.jobs.enqueue(JobName.ScanRepo, { path, since: request.since }, { actor });
    }
    return this.jobs.enqueue(
      JobName.ScanGithub,
      { owner: request.owner, since: request.since, sbom: request.sbom },
      { actor },
    );
  }

  list(filter: { source?: 'local' | 'github'; owner?: string; limit?: number; offset?: number }) {
    return this.repos.list({ ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
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
