import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CatalogService } from './catalog.service';
import { FactOverrideRepository } from './fact-override.repository';
import { isFactKey, isPlanFact, type FactOverride } from './facts/fact-override';
import {
  FACT_PLANS,
  type FactKey,
  type FactPlan,
  type VendorFacts,
} from './facts/vendor-facts.types';
import { checkFact, normaliseValue } from './facts/vendor-facts.validator';

export interface FactOverrideInput {
  fact: string;
  plan?: string | null;
  value: unknown;
  source: string;
  checked: string;
  note?: string | null;
}

/**
 * The organisation's corrections of the catalog's vendor facts: each with its own https source
 * and date, audited, and shown in reports as an organisation override.
 */
@Injectable()
export class VendorFactService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly repo: FactOverrideRepository,
    private readonly audit: AuditService,
  ) {}

  /** A tool's facts as scoring reads them (overrides applied), and the overrides alone. */
  async facts(
    toolId: string,
  ): Promise<{ toolId: string; facts: VendorFacts | null; overrides: FactOverride[] }> {
    await this.catalog.refresh();
    const tool = this.catalog.definition(toolId);
    return {
      toolId,
      facts: tool.vendorFacts ?? null,
      overrides: this.catalog.overridesLoaded(toolId),
    };
  }

  async set(toolId: string, input: FactOverrideInput, actor: Actor): Promise<FactOverride> {
    const checked = this.check(toolId, input);
    const [o] = await this.setMany([checked], actor, 'api');
    return o ?? { ...checked, setBy: actor.name };
  }

  /** Checks an override as the facts files are checked, naming the field at fault. */
  check(toolId: string, input: FactOverrideInput, now = new Date()): FactOverride {
    this.catalog.definition(toolId);
    const problems: string[] = [];
    const fail = (field: string, message: string) => problems.push(`${field} ${message}`);
    const plan = input.plan ?? null;
    if (!isFactKey(input.fact)) {
      throw new DomainError(ErrorCode.InvalidInput, `fact: "${input.fact}" is not a vendor fact`);
    }
    const fact: FactKey = input.fact;
    if (isPlanFact(fact) && plan === null)
      fail('plan', `is required for ${fact} (${FACT_PLANS.join(', ')})`);
    if (!isPlanFact(fact) && plan !== null)
      fail('plan', `must be left out: ${fact} holds for every plan`);
    if (plan !== null && !(FACT_PLANS as readonly string[]).includes(plan))
      fail('plan', `must be one of ${FACT_PLANS.join(', ')}`);
    const { note, value, source, checked } = input;
    checkFact(fact, { value, source, checked, ...(note ? { note } : {}) }, 'fact', now, fail);
    if (problems.length > 0)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `vendor fact rejected: ${problems.join('; ')}`,
        { problems },
      );
    return {
      toolId,
      plan: plan as FactPlan | null,
      fact,
      value: normaliseValue(fact, value),
      source,
      checked,
      note: note ?? null,
      setBy: null,
      setAt: null,
    };
  }

  /** Writes checked overrides and audits each with what it replaced. */
  async setMany(overrides: FactOverride[], actor: Actor, via: string): Promise<FactOverride[]> {
    if (overrides.length === 0) return [];
    await this.catalog.refresh();
    const before = new Map(this.catalog.overridesLoaded().map((o) => [key(o), o]));
    // setting a fact to what it already says (a policy file applied twice) changes nothing
    const changed = overrides.filter(
      (o) => JSON.stringify(summary(before.get(key(o)))) !== JSON.stringify(summary(o)),
    );
    if (changed.length === 0) return [];
    await this.repo.upsertMany(changed, actor.name);
    for (const o of changed) {
      await this.audit.record({
        actor,
        action: 'vendor-fact.override',
        targetType: 'tool',
        targetId: o.toolId,
        detail: {
          via,
          fact: o.fact,
          plan: o.plan,
          before: summary(before.get(key(o))),
          after: summary(o),
        },
      });
    }
    await this.catalog.reload();
    return changed.map((o) => ({ ...o, setBy: actor.name }));
  }

  async remove(toolId: string, fact: string, plan: string | null, actor: Actor): Promise<void> {
    this.catalog.definition(toolId);
    if (!isFactKey(fact))
      throw new DomainError(ErrorCode.InvalidInput, `fact: "${fact}" is not a vendor fact`);
    const p = (plan || null) as FactPlan | null;
    const existing = await this.repo.find(toolId, fact, p);
    if (!existing || !(await this.repo.delete(toolId, fact, p))) {
      throw new DomainError(
        ErrorCode.NotFound,
        `no organisation override of ${fact}${p ? ` (${p} plan)` : ''} for "${toolId}"`,
      );
    }
    await this.audit.record({
      actor,
      action: 'vendor-fact.override-remove',
      targetType: 'tool',
      targetId: toolId,
      detail: { via: 'api', fact, plan: p, before: summary(existing) },
    });
    await this.catalog.reload();
  }
}

function key(o: Pick<FactOverride, 'toolId' | 'plan' | 'fact'>): string {
  return `${o.toolId}\u0000${o.plan ?? ''}\u0000${o.fact}`;
}

function summary(o: FactOverride | undefined) {
  return o ? { value: o.value, source: o.source, checked: o.checked, note: o.note } : null;
}
