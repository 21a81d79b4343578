import type { ToolMatcher } from '../../catalog/catalog.types';
import type { EvidenceInput, IdentityKind } from '../../signals/evidence/evidence.types';
import type { DemoOrganisation } from './demo-org.types';

interface Rollup {
  kind: IdentityKind;
  value: string;
  toolId: string;
  day: string;
  host: string;
  count: number;
  bytes: number;
  first: number;
  last: number;
}

/**
 * Daily roll-ups per (identity, tool) from the demo's Squid and Zeek logs, as the network module
 * keeps them. Used when that module is not installed.
 */
export function networkEvidenceFromLogs(
  org: DemoOrganisation,
  matcher: ToolMatcher,
): EvidenceInput[] {
  const rollups = new Map<string, Rollup>();
  const add = (
    kind: IdentityKind,
    value: string,
    host: string,
    at: number,
    bytes: number,
    format: string,
  ) => {
    const toolId = matcher.matchHost(host);
    if (!toolId) return;
    const day = new Date(at).toISOString().slice(0, 10);
    const key = `${format}|${kind}|${value}|${toolId}|${day}`;
    const r = rollups.get(key) ?? {
      kind,
      value,
      toolId,
      day,
      host,
      count: 0,
      bytes: 0,
      first: at,
      last: at,
    };
    r.count++;
    r.bytes += bytes;
    r.first = Math.min(r.first, at);
    r.last = Math.max(r.last, at);
    rollups.set(key, r);
  };
  for (const line of org.squidLog.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    // ts elapsed client code/status bytes method url user hierarchy type
    add('username', f[7], f[6].replace(/:\d+$/, ''), Number(f[0]) * 1000, Number(f[4]), 'squid');
  }
  const lines = org.zeekSslLog.split('\n');
  const fields = (lines.find((l) => l.startsWith('#fields')) ?? '').split('\t').slice(1);
  const ix = (name: string) => fields.indexOf(name);
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    add('ip', f[ix('id.orig_h')], f[ix('server_name')], Number(f[ix('ts')]) * 1000, 0, 'zeek-ssl');
  }
  return [...rollups.entries()].map(([key, r]) => ({
    toolId: r.toolId,
    signal: 'network',
    identityKind: r.kind,
    identityValue: r.value,
    firstSeen: new Date(r.first),
    lastSeen: new Date(r.last),
    count: r.count,
    bytes: r.bytes,
    detail: { domain: r.host, day: r.day },
    fingerprint: `demo:network:${key}`,
  }));
}

/** Config files, commit trailers and dependencies of the demo repositories, as a scan reports them. */
export function repositoryEvidence(org: DemoOrganisation, matcher: ToolMatcher): EvidenceInput[] {
  const out: EvidenceInput[] = [];
  for (const repo of org.repositories) {
    repo.commits.forEach((c, i) => {
      const at = new Date(org.now.getTime() - c.daysAgo * 86_400_000);
      const commit = `${repo.name}-${i}`;
      for (const path of Object.keys(c.files)) {
        for (const m of matcher.matchPath(path)) {
          out.push({
            toolId: m.toolId,
            signal: 'config-file',
            repository: repo.name,
            firstSeen: at,
            lastSeen: at,
            detail: { path, rule: m.rule },
            fingerprint: `demo:config:${repo.name}:${path}:${m.toolId}`,
          });
        }
      }
      const facts = {
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        committerName: c.authorName,
        committerEmail: c.authorEmail,
        message: c.message,
      };
      for (const m of matcher.matchCommit(facts)) {
        out.push({
          toolId: m.toolId,
          signal: 'commit-trailer',
          repository: repo.name,
          identityKind: 'commit-email',
          identityValue: c.authorEmail,
          firstSeen: at,
          lastSeen: at,
          detail: { commit, rule: m.rule },
          fingerprint: `demo:commit:${commit}:${m.toolId}`,
        });
      }
      const deps: ['npm' | 'pypi', string][] = [];
      if (c.files['package.json'])
        for (const n of Object.keys(
          (JSON.parse(c.files['package.json']) as { dependencies?: object }).dependencies ?? {},
        ))
          deps.push(['npm', n]);
      if (c.files['requirements.txt'])
        for (const l of c.files['requirements.txt'].split('\n'))
          if (l.trim()) deps.push(['pypi', l.split(/[=<>~!\s]/)[0]]);
      for (const [eco, name] of deps) {
        const toolId = matcher.matchPackage(eco, name);
        if (toolId)
          out.push({
            toolId,
            signal: 'dependency',
            repository: repo.name,
            firstSeen: at,
            lastSeen: at,
            detail: { package: `${eco}:${name}` },
            fingerprint: `demo:dep:${repo.name}:${eco}:${name}`,
          });
      }
    });
  }
  return out;
}

/** Copilot seats of the organisation, as the GitHub scan reports them. */
export function seatEvidence(org: DemoOrganisation, matcher: ToolMatcher): EvidenceInput[] {
  const toolId = matcher.matchHost('copilot-proxy.githubusercontent.com');
  if (!toolId) return [];
  const at = new Date(org.now.getTime() - 45 * 86_400_000);
  return org.copilotSeats.map((login) => ({
    toolId,
    signal: 'copilot-seat',
    identityKind: 'github',
    identityValue: login,
    firstSeen: at,
    lastSeen: at,
    detail: { seat: 'business' },
    fingerprint: `demo:seat:${login}`,
  }));
}
