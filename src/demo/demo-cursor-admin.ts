import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/teams/members') {
        res.end(
          JSON.stringify({
            teamMembers: holders.map((p) => ({ name: p.name, email: p.email, role: 'member' })),
          }),
        );
        return;
      }
      if (req.url === '/teams/daily-usage-data') {
        const { startDate, endDate } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
          startDate: number;
          endDate: number;
        };
        res.end(
          JSON.stringify({ data: days.filter((d) => d.date >= startDate && d.date <= endDate) }),
        );
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
