import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ToolPolicyEntity } from './entities/tool-policy.entity';
import type { ToolPolicy } from './policy-yaml';

@Injectable()
export class ToolPolicyRepository {
  constructor(
    @InjectRepository(ToolPolicyEntity) private readonly repo: Repository<ToolPolicyEntity>,
  ) {}

  findAll(): Promise<ToolPolicyEntity[]> {
    return this.repo.find({ order: { toolId: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  findByToolId(toolId: string): Promise<ToolPolicyEntity | null> {
    return this.repo.findOneBy({ toolId });
  }

  /** Writes many policies in one statement (a policy file import is one change set). */
  async upsertMany(policies: readonly ToolPolicy[]): Promise<void> {
    if (policies.length === 0) return;
    await this.repo.query(
      `INSERT INTO tool_policy (tool_id, status, data_classes, tenant_bound, note, decided_by, decided_at,
                                owner, purpose, next_review, plan, actions, updated_at)
       SELECT t.tool_id, t.status, ARRAY(SELECT jsonb_array_elements_text(t.data_classes)),
              t.tenant_bound, t.note, t.decided_by, t.decided_at, t.owner, t.purpose, t.next_review,
              t.plan, coalesce(t.actions, '{}'::jsonb), now()
         FROM jsonb_to_recordset($1::jsonb) AS t(
              tool_id text, status text, data_classes jsonb, tenant_bound boolean,
              note text, decided_by text, decided_at timestamptz,
              owner text, purpose text, next_review date, plan text, actions jsonb)
       ON CONFLICT (tool_id) DO UPDATE SET
         status = EXCLUDED.status, data_classes = EXCLUDED.data_classes,
         tenant_bound = EXCLUDED.tenant_bound, note = EXCLUDED.note,
         decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at,
         owner = EXCLUDED.owner, purpose = EXCLUDED.purpose, next_review = EXCLUDED.next_review,
         plan = EXCLUDED.plan, actions = EXCLUDED.actions, updated_at = now()`,
      [
        JSON.stringify(
          policies.map((p) => ({
            tool_id: p.toolId,
            status: p.status,
            data_classes: p.dataClasses,
            tenant_bound: p.tenantBound,
            note: p.note,
            decided_by: p.decidedBy,
            decided_at: p.decidedAt?.toISOString() ?? null,
            owner: p.owner ?? null,
            purpose: p.purpose ?? null,
            next_review: p.nextReview ?? null,
            plan: p.plan ?? null,
            actions: p.actions ?? {},
          })),
        ),
      ],
    );
  }

  async deleteByToolId(toolId: string): Promise<void> {
    await this.repo.delete({ toolId });
  }
}
