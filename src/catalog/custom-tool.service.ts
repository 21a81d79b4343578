import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CatalogService } from './catalog.service';
import type { ToolDefinition } from './catalog.types';
import { formatProblem, validateToolDefinition } from './catalog-validator';
import { CustomToolRepository } from './custom-tool.repository';
import { ToolPolicyRepository } from './tool-policy.repository';

/**
 * Tools the organisation adds through the API, and its overrides of built-in tools (a custom
 * tool with a built-in id replaces that tool's rules). Validated like the built-in files, and
 * refused with 409 when a rule belongs to another tool.
 */
@Injectable()
export class CustomToolService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly repo: CustomToolRepository,
    private readonly policies: ToolPolicyRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ToolDefinition[]> {
    return (await this.repo.findAll()).map((r) => ({ ...r.definition, origin: 'custom' as const }));
  }

  async create(raw: unknown, actor: Actor): Promise<ToolDefinition> {
    const tool = this.validate(raw);
    if (await this.repo.findById(tool.id)) {
      throw new DomainError(
        ErrorCode.Conflict,
        `custom tool "${tool.id}" exists; replace it with PUT`,
      );
    }
    if (this.catalog.has(tool.id) && !this.catalog.isBuiltin(tool.id)) {
      throw new DomainError(ErrorCode.Conflict, `tool "${tool.id}" exists`);
    }
    this.checkConflicts(tool);
    await this.repo.insert(tool, actor.name);
    await this.catalog.reload();
    await this.audit.record({
      actor,
      action: 'custom-tool.create',
      targetType: 'tool',
      targetId: tool.id,
      detail: { overridesBuiltin: this.catalog.isBuiltin(tool.id), definition: tool },
    });
    return tool;
  }

  async replace(id: string, raw: unknown, actor: Actor): Promise<ToolDefinition> {
    const tool = this.validate(raw);
    if (tool.id !== id) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `id: "${tool.id}" does not match the path "${id}"`,
      );
    }
    const before = await this.repo.findById(id);
    if (!before) throw new DomainError(ErrorCode.NotFound, `no custom tool "${id}"`);
    this.checkConflicts(tool);
    await this.repo.replace(tool, actor.name);
    await this.catalog.reload();
    await this.audit.record({
      actor,
      action: 'custom-tool.update',
      targetType: 'tool',
      targetId: id,
      detail: { before: before.definition, after: tool },
    });
    return tool;
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const before = await this.repo.findById(id);
    if (!before) throw new DomainError(ErrorCode.NotFound, `no custom tool "${id}"`);
    await this.repo.delete(id);
    // an override's policy stays with the built-in tool it replaced
    if (!this.catalog.isBuiltin(id)) await this.policies.deleteByToolId(id);
    await this.catalog.reload();
    await this.audit.record({
      actor,
      action: 'custom-tool.delete',
      targetType: 'tool',
      targetId: id,
      detail: { definition: before.definition },
    });
  }

  private validate(raw: unknown): ToolDefinition {
    const problems = validateToolDefinition(raw, 'request body');
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.InvalidInput, problems.map(formatProblem).join('; '), {
        problems,
      });
    }
    return { ...(raw as ToolDefinition), origin: 'custom' };
  }

  private checkConflicts(tool: ToolDefinition): void {
    const conflicts = this.catalog.conflictsOf(tool);
    if (conflicts.length === 0) return;
    const text = conflicts
      .map((c) => {
        const other = c.toolIds.find((t) => t !== tool.id) ?? c.toolIds[0];
        return `${c.kind} "${c.value}" already belongs to tool "${other}"`;
      })
      .join('; ');
    throw new DomainError(ErrorCode.Conflict, text, { conflicts });
  }
}
