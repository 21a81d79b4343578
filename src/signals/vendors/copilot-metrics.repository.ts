import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CopilotOrgDay } from './connector.types';
import { CopilotOrgDayEntity } from './entities/copilot-org-day.entity';

const FIELDS = [
  ['daily_active_users', 'dailyActiveUsers', 'int'],
  ['weekly_active_users', 'weeklyActiveUsers', 'int'],
  ['monthly_active_users', 'monthlyActiveUsers', 'int'],
  ['monthly_active_chat_users', 'monthlyActiveChatUsers', 'int'],
  ['monthly_active_agent_users', 'monthlyActiveAgentUsers', 'int'],
  ['daily_active_cli_users', 'dailyActiveCliUsers', 'int'],
  ['user_initiated_interaction_count', 'interactions', 'bigint'],
  ['code_generation_activity_count', 'generations', 'bigint'],
  ['code_acceptance_activity_count', 'acceptances', 'bigint'],
  ['loc_suggested_to_add_sum', 'locSuggestedToAdd', 'bigint'],
  ['loc_added_sum', 'locAdded', 'bigint'],
  ['loc_deleted_sum', 'locDeleted', 'bigint'],
] as const satisfies readonly (readonly [string, keyof CopilotOrgDay, string])[];

/** The organisation-level Copilot metrics days: one row per organisation and day, rewritten on re-read. */
@Injectable()
export class CopilotMetricsRepository {
  constructor(
    @InjectRepository(CopilotOrgDayEntity) private readonly days: Repository<CopilotOrgDayEntity>,
  ) {}

  /** One statement per batch: a day read again (a re-run, a later report) replaces its figures. */
  async upsert(rows: CopilotOrgDay[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const cols = FIELDS.map(([c]) => c);
    const params: unknown[] = [rows.map((r) => r.org), rows.map((r) => r.day)];
    for (const [, key] of FIELDS) params.push(rows.map((r) => r[key]));
    params.push(now.toISOString());
    const unnest = FIELDS.map(([, , type], i) => `$${i + 3}::${type}[]`).join(', ');
    await this.days.query(
      `INSERT INTO copilot_org_daily_metrics (org, day, ${cols.join(', ')}, read_at)
       SELECT o, d::date, ${cols.join(', ')}, $${FIELDS.length + 3}
         FROM unnest($1::text[], $2::text[], ${unnest}) AS u(o, d, ${cols.join(', ')})
       ON CONFLICT (org, day) DO UPDATE SET
         ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, read_at = excluded.read_at`,
      params,
    );
  }

  /** Days from `since` (YYYY-MM-DD) on, oldest first, figures as numbers. */
  async since(since: string): Promise<CopilotOrgDay[]> {
    const rows = (await this.days.query(
      `SELECT org, to_char(day, 'YYYY-MM-DD') AS day,
              ${FIELDS.map(([c, key]) => `${c}::float8 AS "${key}"`).join(', ')}
         FROM copilot_org_daily_metrics WHERE day >= $1::date ORDER BY day, org`,
      [since],
    )) as CopilotOrgDay[];
    return rows;
  }
}
