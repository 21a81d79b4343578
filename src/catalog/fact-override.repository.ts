import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { VendorFactOverrideEntity } from './entities/vendor-fact-override.entity';
import type { FactOverride } from './facts/fact-override';
import type { FactKey, FactPlan } from './facts/vendor-facts.types';

// TypeORM hydrates a date column as YYYY-MM-DD; pg alone would give a local-midnight Date
function dateText(v: unknown): string {
  if (v instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  return String(v).slice(0, 10);
}

function toOverride(r: VendorFactOverrideEntity): FactOverride {
  return {
    toolId: r.toolId,
    plan: r.plan === '' ? null : (r.plan as FactPlan),
    fact: r.fact as FactKey,
    value: r.value,
    source: r.source,
    checked: dateText(r.checked as unknown),
    note: r.note,
    setBy: r.setBy,
    setAt: r.setAt,
  };
}

@Injectable()
export class FactOverrideRepository {
  constructor(
    @InjectRepository(VendorFactOverrideEntity)
    private readonly repo: Repository<VendorFactOverrideEntity>,
  ) {}

  async findAll(): Promise<FactOverride[]> {
    const rows = await this.repo.find({ order: { toolId: 'ASC', plan: 'ASC', fact: 'ASC' } });
    return rows.map(toOverride);
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async find(toolId: string, fact: FactKey, plan: FactPlan | null): Promise<FactOverride | null> {
    const row = await this.repo.findOneBy({ toolId, fact, plan: plan ?? '' });
    return row ? toOverride(row) : null;
  }

  /** A cheap fingerprint of the table, so other processes notice a change and reload. */
  async version(): Promise<string> {
    const rows: { n: string; latest: Date | null }[] = await this.repo.query(
      'SELECT count(*)::text AS n, max(set_at) AS latest FROM vendor_fact_override',
    );
    return `${rows[0].n}:${rows[0].latest ? new Date(rows[0].latest).toISOString() : '-'}`;
  }

  /** Writes many overrides in one statement; one already set for the same fact is replaced. */
  async upsertMany(overrides: readonly FactOverride[], setBy: string): Promise<void> {
    if (overrides.length === 0) return;
    await this.repo.query(
      `INSERT INTO vendor_fact_override (tool_id, plan, fact, value, source, checked, note, set_by, set_at)
       SELECT t.tool_id, t.plan, t.fact, t.value, t.source, t.checked, t.note, $2, now()
         FROM jsonb_to_recordset($1::jsonb) AS t(
              tool_id text, plan text, fact text, value jsonb, source text, checked date, note text)
       ON CONFLICT (tool_id, plan, fact) DO UPDATE SET
         value = EXCLUDED.value, source = EXCLUDED.source, checked = EXCLUDED.checked,
         note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = now()`,
      [
        JSON.stringify(
          overrides.map((o) => ({
            tool_id: o.toolId,
            plan: o.plan ?? '',
            fact: o.fact,
            value: o.value,
            source: o.source,
            checked: o.checked,
            note: o.note,
          })),
        ),
        setBy,
      ],
    );
  }

  async delete(toolId: string, fact: FactKey, plan: FactPlan | null): Promise<boolean> {
    const r = await this.repo.delete({ toolId, fact, plan: plan ?? '' });
    return (r.affected ?? 0) > 0;
  }
}
