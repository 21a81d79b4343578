import { serveDemoVendor } from './demo-loopback';
import type { DemoOrganisation } from './demo-org.types';

const DAY = 86_400_000;
/** the team the demo organisation bought Cursor seats for */
export const DEMO_CURSOR_TEAM = 'Web';
export const DEMO_CURSOR_KEY = 'demo-cursor-admin-key';

/**
 * The demo organisation's Cursor team, answered on loopback the way the Cursor Admin API does,
 * so the demo reads seats and daily use through the real connector. The Web team holds seats;
 * those of them who use Cursor have daily use, the others' seats sit idle, and Cursor users in
 * other teams hold none.
 */
export async function startDemoCursorAdmin(
  org: DemoOrganisation,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const holders = org.people.filter((p) => p.team === DEMO_CURSOR_TEAM);
  const seated = new Set(holders.map((p) => p.id));
  const start = org.now.getTime() - 28 * DAY;
  const days = org.usage
    .filter((u) => u.tool.key === 'cursor' && seated.has(u.person.id))
    .flatMap((u) =>
      u.activeDays.map((d) => ({
        date: Math.floor((start + d * DAY) / DAY) * DAY,
        email: u.person.email,
        isActive: true,
        chatRequests: u.requestsPerDay,
        totalTabsAccepted: u.requestsPerDay * 3,
      })),
    );
  return serveDemoVendor((url, body) => {
    if (url.pathname === '/teams/members')
      return {
        body: {
          teamMembers: holders.map((p) => ({ name: p.name, email: p.email, role: 'member' })),
        },
      };
    if (url.pathname === '/teams/daily-usage-data') {
      const { startDate, endDate } = JSON.parse(body || '{}') as {
        startDate: number;
        endDate: number;
      };
      return { body: { data: days.filter((d) => d.date >= startDate && d.date <= endDate) } };
    }
    return { status: 404, body: {} };
  });
}
