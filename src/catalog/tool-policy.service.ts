import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CatalogService, defaultPolicy } from './catalog.service';
import {
  parsePolicyYaml,
  policiesToYaml,
  STEWARDSHIP_FIELDS,
  type PolicyChange,
  type ToolPolicy,
} from './policy-yaml';
import { ToolPolicyRepository } from './tool-policy.repository';
import { VendorFactService } from './vendor-fact.service';

/** The organisation's decision per tool; every change is audited with before and after. */
@Injectable()
export class ToolPolicyService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly repo: ToolPolicyRepository,
    private readonly audit: AuditService,
    private readonly facts: VendorFactService,
  ) {}

  async get(toolId: string): Promise<ToolPolicy> {
    this.catalog.definition(toolId);
    return (await this.catalog.policiesById()).get(toolId) ?? defaultPolicy(toolId);
  }

  async list(): Promise<ToolPolicy[]> {
    return [...(await this.catalog.policiesById()).values()];
  }

  async set(change: PolicyChange, actor: Actor): Promise<ToolPolicy> {
    this.catalog.definition(change.toolId);
    const [applied] = await this.apply([change], actor, 'api');
    return applied ?? (await this.get(change.toolId));
  }

  async exportYaml(): Promise<string> {
    await this.catalog.refresh();
    return policiesToYaml(await this.list(), this.catalog.overridesLoaded());
  }

  /** Applies a policy file as one change set, or nothing if any entry is wrong. */
  async importYaml(
    text: string,
    actor: Actor,
    source = 'import',
  ): Promise<{ changed: number; unchanged: number; factsChanged: number }> {
    const { changes, overrides, problems } = parsePolicyYaml(text, this.catalog.ids());
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `policy file rejected: ${problems
          .map((p) => `line ${p.line ?? '?'}: ${p.field} ${p.message}`)
          .join('; ')}`,
        { problems },
      );
    }
    const applied = await this.apply(changes, actor, source);
    const facts = await this.facts.setMany(overrides, actor, source);
    return {
      changed: applied.length,
      unchanged: changes.length - applied.length,
      factsChanged: facts.length,
    };
  }

  /** Writes the changes that differ from the stored policy and audits each one. */
  private async apply(changes: PolicyChange[], actor: Actor, via: string): Promise<ToolPolicy[]> {
    const before = await this.catalog.policiesById();
    const now = new Date();
    const changed: { from: ToolPolicy; to: ToolPolicy }[] = [];
    for (const c of changes) {
      const from = before.get(c.toolId) ?? defaultPolicy(c.toolId);
      const dataClasses = [...new Set(c.dataClasses)].sort();
      // register fields a change leaves out keep what was stored
      const stewardship = Object.fromEntries(
        STEWARDSHIP_FIELDS.map((f) => [f, c[f] !== undefined ? c[f] : (from[f] ?? null)]),
      ) as Pick<ToolPolicy, (typeof STEWARDSHIP_FIELDS)[number]>;
      const plan = c.plan !== undefined ? c.plan : (from.plan ?? null);
      if (
        from.status === c.status &&
        from.tenantBound === c.tenantBound &&
        (from.note ?? null) === (c.note ?? null) &&
        [...from.dataClasses].sort().join() === dataClasses.join() &&
        STEWARDSHIP_FIELDS.every((f) => (from[f] ?? null) === stewardship[f]) &&
        (from.plan ?? null) === plan
      ) {
        continue;
      }
      changed.push({
        from,
        to: {
          ...c,
          ...stewardship,
          plan,
          dataClasses,
          note: c.note ?? null,
          decidedBy: actor.name,
          decidedAt: now,
        },
      });
    }
    await this.repo.upsertMany(changed.map((c) => c.to));
    for (const { from, to } of changed) {
      await this.audit.record({
        actor,
        action: 'policy.update',
        targetType: 'tool',
        targetId: to.toolId,
        detail: { via, before: summary(from), after: summary(to) },
      });
    }
    return changed.map((c) => c.to);
  }
}

function summary(p: ToolPolicy) {
  return {
    status: p.status,
    dataClasses: p.dataClasses,
    tenantBound: p.tenantBound,
    note: p.note,
    owner: p.owner ?? null,
    purpose: p.purpose ?? null,
    nextReview: p.nextReview ?? null,
    plan: p.plan ?? null,
  };
}
