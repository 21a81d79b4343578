import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One day of a GitHub organisation's Copilot usage-metrics report: aggregates, no person. */
@Entity('copilot_org_daily_metrics')
export class CopilotOrgDayEntity {
  @PrimaryColumn('text')
  org: string;

  @PrimaryColumn('date')
  day: string;

  @Column('int', { name: 'daily_active_users' })
  dailyActiveUsers: number;

  @Column('int', { name: 'weekly_active_users' })
  weeklyActiveUsers: number;

  @Column('int', { name: 'monthly_active_users' })
  monthlyActiveUsers: number;

  @Column('int', { name: 'monthly_active_chat_users' })
  monthlyActiveChatUsers: number;

  @Column('int', { name: 'monthly_active_agent_users' })
  monthlyActiveAgentUsers: number;

  @Column('int', { name: 'daily_active_cli_users' })
  dailyActiveCliUsers: number;

  @Column('bigint', { name: 'user_initiated_interaction_count' })
  interactions: string;

  @Column('bigint', { name: 'code_generation_activity_count' })
  generations: string;

  @Column('bigint', { name: 'code_acceptance_activity_count' })
  acceptances: string;

  @Column('bigint', { name: 'loc_suggested_to_add_sum' })
  locSuggestedToAdd: string;

  @Column('bigint', { name: 'loc_added_sum' })
  locAdded: string;

  @Column('bigint', { name: 'loc_deleted_sum' })
  locDeleted: string;

  @Column('timestamptz', { name: 'read_at' })
  readAt: Date;
}
