import { serveDemoVendor } from './demo-loopback';
import type { DemoOrganisation } from './demo-org.types';

const DAY = 86_400_000;
export const DEMO_GITHUB_ORG = 'northwind';
export const DEMO_GITHUB_TOKEN = 'demo-github-copilot-token';

/**
 * The demo organisation's Copilot seats, per-user daily reports and organization report, answered
 * on loopback the way the GitHub REST API does (seats list; users-1-day, organization-1-day and
 * organization-28-day report links to NDJSON files), so the demo
 * reads Copilot use through the real connector. Only seat holders appear in the organisation's
 * reports: personal-account users are seen on the network alone.
 */
export function startDemoCopilotAdmin(org: DemoOrganisation) {
  const seated = new Set(org.copilotSeats);
  const start = org.now.getTime() - 28 * DAY;
  const byDay = new Map<string, string[]>();
  const usersOn = new Map<string, { login: string; requests: number }[]>();
  for (const u of org.usage) {
    if (u.tool.key !== 'copilot' || !seated.has(u.person.githubLogin)) continue;
    for (const d of u.activeDays) {
      const day = new Date(start + d * DAY).toISOString().slice(0, 10);
      const line = JSON.stringify({
        day,
        user_login: u.person.githubLogin,
        user_initiated_interaction_count: u.requestsPerDay,
        code_acceptance_activity_count: u.requestsPerDay * 2,
        used_chat: true,
      });
      byDay.set(day, [...(byDay.get(day) ?? []), line]);
      usersOn.set(day, [
        ...(usersOn.get(day) ?? []),
        { login: u.person.githubLogin, requests: u.requestsPerDay },
      ]);
    }
  }
  const seatsPath = `/orgs/${DEMO_GITHUB_ORG}/copilot/billing/seats`;
  const reports = `/orgs/${DEMO_GITHUB_ORG}/copilot/metrics/reports`;
  const reportPath = `${reports}/users-1-day`;
  const first = new Date(start).toISOString().slice(0, 10);
  const last = new Date(org.now.getTime() - DAY).toISOString().slice(0, 10);
  let base = '';
  return serveDemoVendor((url) => {
    base ||= url.origin;
    if (url.pathname === seatsPath)
      return {
        body: {
          total_seats: seated.size,
          seats:
            url.searchParams.get('page') === '1'
              ? [...seated].map((login) => ({
                  assignee: { login, type: 'User' },
                  plan_type: 'business',
                }))
              : [],
        },
      };
    if (url.pathname === reportPath) {
      const day = url.searchParams.get('day') ?? '';
      return { body: { download_links: [`${base}/downloads/${day}.ndjson`], report_day: day } };
    }
    if (url.pathname === `${reports}/organization-28-day/latest`)
      return {
        body: {
          download_links: [`${base}/downloads/org-${first}-${last}.ndjson?sig=demo`],
          report_start_day: first,
          report_end_day: last,
        },
      };
    if (url.pathname === `${reports}/organization-1-day`) {
      const day = url.searchParams.get('day') ?? '';
      return {
        body: { download_links: [`${base}/downloads/org-${day}-${day}.ndjson`], report_day: day },
      };
    }
    const orgFile = /^\/downloads\/org-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(
      url.pathname,
    );
    if (orgFile)
      return {
        body: orgReport(usersOn, orgFile[1], orgFile[2]),
        contentType: 'application/x-ndjson',
      };
    const file = /^\/downloads\/(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(url.pathname);
    if (file)
      return { body: (byDay.get(file[1]) ?? []).join('\n'), contentType: 'application/x-ndjson' };
    return { status: 404, body: { message: 'Not Found' } };
  });
}

/** The organization report's day totals over [from, to], summed from the seat holders' days. */
function orgReport(
  usersOn: Map<string, { login: string; requests: number }[]>,
  from: string,
  to: string,
): string {
  const dayTotals = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const within = (n: number) =>
      new Set(
        Array.from({ length: n }, (_, i) => new Date(t - i * DAY).toISOString().slice(0, 10))
          .flatMap((d) => usersOn.get(d) ?? [])
          .map((u) => u.login),
      ).size;
    const today = usersOn.get(day) ?? [];
    const requests = today.reduce((n, u) => n + u.requests, 0);
    dayTotals.push({
      day,
      daily_active_users: today.length,
      weekly_active_users: within(7),
      monthly_active_users: within(28),
      monthly_active_chat_users: within(28),
      monthly_active_agent_users: 0,
      user_initiated_interaction_count: requests,
      code_generation_activity_count: requests * 7,
      code_acceptance_activity_count: requests * 2,
    });
  }
  return JSON.stringify({ day_totals: dayTotals, report_start_day: from, report_end_day: to });
}
