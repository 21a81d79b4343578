import { serveDemoVendor } from './demo-loopback';
import type { DemoOrganisation } from './demo-org.types';

const DAY = 86_400_000;
export const DEMO_GITHUB_ORG = 'northwind';
export const DEMO_GITHUB_TOKEN = 'demo-github-copilot-token';

/**
 * The demo organisation's Copilot seats and per-user daily reports, answered on loopback the way
 * the GitHub REST API does (seats list; users-1-day report links to NDJSON files), so the demo
 * reads Copilot use through the real connector. Only seat holders appear in the organisation's
 * reports: personal-account users are seen on the network alone.
 */
export function startDemoCopilotAdmin(org: DemoOrganisation) {
  const seated = new Set(org.copilotSeats);
  const start = org.now.getTime() - 28 * DAY;
  const byDay = new Map<string, string[]>();
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
    }
  }
  const seatsPath = `/orgs/${DEMO_GITHUB_ORG}/copilot/billing/seats`;
  const reportPath = `/orgs/${DEMO_GITHUB_ORG}/copilot/metrics/reports/users-1-day`;
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
    const file = /^\/downloads\/(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(url.pathname);
    if (file)
      return { body: (byDay.get(file[1]) ?? []).join('\n'), contentType: 'application/x-ndjson' };
    return { status: 404, body: { message: 'Not Found' } };
  });
}
