import type { DemoPerson } from './demo-org.types';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The demo directory in the people module's CSV format. Aliases carry what the logs and commits
 * show of a person: the proxy user name, the commit e-mail and the workstation's IP address (an
 * open-ended lease).
 */
export function directoryCsv(people: DemoPerson[]): string {
  const rows = people.map((p) =>
    [p.email, p.name, p.team, p.githubLogin, [p.proxyUser, p.commitEmail, p.ip].join(';')]
      .map(q)
      .join(','),
  );
  return [['email', 'name', 'team', 'github login', 'aliases'].map(q).join(','), ...rows].join(
    '\r\n',
  );
}

/** Squid lines before and from `at` (the first field is the epoch time in seconds). */
export function splitSquidLog(log: string, at: Date): { before: string; after: string } {
  const out = { before: [] as string[], after: [] as string[] };
  for (const line of log.split('\n')) {
    if (!line.trim()) continue;
    (Number(line.trim().split(/\s+/)[0]) * 1000 < at.getTime() ? out.before : out.after).push(line);
  }
  return { before: out.before.join('\n') + '\n', after: out.after.join('\n') + '\n' };
}

/** Zeek lines before and from `at`; both halves keep the header so each is a valid log. */
export function splitZeekLog(log: string, at: Date): { before: string; after: string } {
  const lines = log.split('\n').filter(Boolean);
  const head = lines.filter((l) => l.startsWith('#') && !l.startsWith('#close'));
  const tail = lines.filter((l) => l.startsWith('#close'));
  const fields = (lines.find((l) => l.startsWith('#fields')) ?? '').split('\t').slice(1);
  const ts = fields.indexOf('ts');
  const out = { before: [] as string[], after: [] as string[] };
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    (Number(line.split('\t')[ts]) * 1000 < at.getTime() ? out.before : out.after).push(line);
  }
  const file = (body: string[]) => [...head, ...body, ...tail].join('\n') + '\n';
  return { before: file(out.before), after: file(out.after) };
}
