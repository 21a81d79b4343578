import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { complianceReference, findingReferenceIds } from '../catalog/compliance-references';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ListFindingsDto } from './dto/findings.dto';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';

/** Person-level findings as security and the CoE browse them; every read audited as the reader's. */
@Injectable()
export class FindingReadsService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly findings: FindingsService,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListFindingsDto, actor: Actor) {
    const [items, total] = await this.repo.list(q);
    await this.audit.recordRead(actor, 'finding', null, {
      filter: { ...q },
      returned: items.length,
    });
    return { total, items };
  }

  async get(id: string, actor: Actor) {
    const finding = await this.repo.findById(id);
    if (!finding) throw new DomainError(ErrorCode.NotFound, `No finding with id ${id}`);
    const [events, evidence] = await Promise.all([
      this.repo.eventsOf(id),
      this.findings.evidenceFor([id], 50),
    ]);
    await this.audit.recordRead(actor, 'finding', id);
    const complianceReferences = findingReferenceIds(finding).map(complianceReference);
    return { ...finding, events, evidence, complianceReferences };
  }
}
