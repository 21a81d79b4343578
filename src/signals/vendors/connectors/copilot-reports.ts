import type { CopilotOrgDay, VendorUsageDay } from '../connector.types';
import { type MalformedLines, MAX_SAMPLES, readNdjson } from './ndjson';

// The NDJSON files behind the Copilot usage-metrics report links, fields as in
// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema: a users
// report holds one line per user and day; an organization report holds lines whose `day_totals`
// list one aggregate per day of the report's range (report_start_day … report_end_day).

const TOOL = 'github-copilot';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface CopilotUserDay {
  day?: string;
  user_login?: string;
  user_initiated_interaction_count?: number;
  code_generation_activity_count?: number;
  code_acceptance_activity_count?: number;
  loc_added_sum?: number;
  used_agent?: boolean;
  used_chat?: boolean;
  used_cli?: boolean;
  totals_by_ide?: { ide?: string }[];
}

export interface CopilotDayTotal {
  day?: string;
  daily_active_users?: number;
  weekly_active_users?: number;
  monthly_active_users?: number;
  monthly_active_chat_users?: number;
  monthly_active_agent_users?: number;
  daily_active_cli_users?: number;
  user_initiated_interaction_count?: number;
  code_generation_activity_count?: number;
  code_acceptance_activity_count?: number;
  loc_suggested_to_add_sum?: number;
  loc_added_sum?: number;
  loc_deleted_sum?: number;
}

interface CopilotOrgLine extends CopilotDayTotal {
  day_totals?: CopilotDayTotal[];
}

/**
 * The per-user report of one day: a user's interactions (chat, agent, CLI prompts) plus accepted
 * code are the count. A line that is not JSON is counted and sampled, the others kept.
 */
export function parseCopilotUserReport(
  ndjson: string,
  askedDay: string,
  source = `users report of ${askedDay}`,
): { usage: VendorUsageDay[]; malformed: MalformedLines } {
  const { rows, malformed } = readNdjson<CopilotUserDay>(ndjson, source);
  const usage: VendorUsageDay[] = [];
  for (const row of rows) {
    const login = row.user_login;
    if (!login) continue;
    const interactions = num(row.user_initiated_interaction_count);
    const accepted = num(row.code_acceptance_activity_count);
    const count = interactions + accepted;
    if (count === 0) continue;
    const ides = [...new Set((row.totals_by_ide ?? []).map((t) => t.ide).filter(Boolean))];
    usage.push({
      toolId: TOOL,
      email: login.toLowerCase(),
      identityKind: 'github',
      day: DAY_RE.test(row.day ?? '') ? row.day! : askedDay,
      count,
      detail: {
        counts: 'interactions and accepted code',
        interactions,
        acceptances: accepted,
        generations: num(row.code_generation_activity_count),
        linesAdded: num(row.loc_added_sum),
        usedChat: !!row.used_chat,
        usedAgent: !!row.used_agent,
        ...(row.used_cli ? { usedCli: true } : {}),
        ...(ides.length ? { ides: ides.join(', ') } : {}),
      },
    });
  }
  return { usage, malformed };
}

/**
 * The organization report (1-day or 28-day): one row per day of its `day_totals`, from `fromDay`
 * on. A line that is a day total itself (no `day_totals`) is read as one; a total without a
 * valid day is counted as malformed.
 */
export function parseCopilotOrgReport(
  ndjson: string,
  org: string,
  source: string,
  fromDay = '0000-00-00',
): { days: CopilotOrgDay[]; malformed: MalformedLines } {
  const { rows, malformed } = readNdjson<CopilotOrgLine>(ndjson, source);
  const byDay = new Map<string, CopilotOrgDay>();
  for (const line of rows) {
    const totals = Array.isArray(line.day_totals) ? line.day_totals : [line];
    for (const t of totals) {
      if (!t || typeof t.day !== 'string' || !DAY_RE.test(t.day)) {
        malformed.count++;
        if (malformed.samples.length < MAX_SAMPLES)
          malformed.samples.push(`${source}: a day total without a day`);
        continue;
      }
      if (t.day < fromDay) continue;
      byDay.set(t.day, orgDayOf(org, t.day, t));
    }
  }
  return { days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)), malformed };
}

function orgDayOf(org: string, day: string, t: CopilotDayTotal): CopilotOrgDay {
  return {
    org,
    day,
    dailyActiveUsers: num(t.daily_active_users),
    weeklyActiveUsers: num(t.weekly_active_users),
    monthlyActiveUsers: num(t.monthly_active_users),
    monthlyActiveChatUsers: num(t.monthly_active_chat_users),
    monthlyActiveAgentUsers: num(t.monthly_active_agent_users),
    dailyActiveCliUsers: num(t.daily_active_cli_users),
    interactions: num(t.user_initiated_interaction_count),
    generations: num(t.code_generation_activity_count),
    acceptances: num(t.code_acceptance_activity_count),
    locSuggestedToAdd: num(t.loc_suggested_to_add_sum),
    locAdded: num(t.loc_added_sum),
    locDeleted: num(t.loc_deleted_sum),
  };
}

function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.round(x) : 0;
}
