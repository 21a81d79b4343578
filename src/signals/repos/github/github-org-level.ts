import { DATA_CLASSES, type ToolMatcher } from '../../../catalog/catalog.types';
import { CONFIDENCE } from '../../../evidence/confidence';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { type GithubClient, permissionError } from './github-client';
import type { RepoClassification } from './github.types';

/** GitHub Apps installed on the organisation that the catalog knows as AI tools. */
export async function readAppInstallations(
  client: GithubClient,
  org: string,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): Promise<RepoTrace[]> {
  try {
    const installations = await client.octokit.paginate(
      client.octokit.rest.orgs.listAppInstallations,
      { org, per_page: 100 },
    );
    const traces: RepoTrace[] = [];
    for (const i of installations) {
      const slug = i.app_slug;
      const toolId = matcher.matchGithubApp(slug);
      if (!toolId) continue;
      traces.push({
        toolId,
        signal: 'app-installation',
        firstSeen: new Date(i.created_at),
        lastSeen: new Date(i.updated_at),
        confidence: CONFIDENCE.appInstallation.confidence,
        detail: {
          app: slug,
          installationId: i.id,
          repositorySelection: i.repository_selection,
          confidenceReason: CONFIDENCE.appInstallation.reason,
        },
        key: `app:${slug}`,
      });
    }
    return traces;
  } catch (err) {
    warnings.push({
      reason: permissionError(
        err,
        `the GitHub Apps installed on ${org}`,
        'organisation permission "Administration: read" (classic scope: read:org)',
      ).message,
    });
    return [];
  }
}

/** Who holds a Copilot seat of the organisation (the tenant-bound sanction depends on it). */
export async function readCopilotSeats(
  client: GithubClient,
  org: string,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): Promise<RepoTrace[]> {
  const toolId = matcher.matchName('GitHub Copilot') ?? matcher.matchGithubApp('copilot');
  if (!toolId) {
    warnings.push({
      reason: 'the catalog has no GitHub Copilot entry; Copilot seats were not read',
    });
    return [];
  }
  try {
    type Seat = {
      assignee?: { login?: string; type?: string } | null;
      created_at: string;
      updated_at?: string;
      last_activity_at?: string | null;
      last_activity_editor?: string | null;
      plan_type?: string;
    };
    // the seats answer is { total_seats, seats }, which octokit.paginate does not unwrap
    const seats: Seat[] = [];
    for (let page = 1; ; page++) {
      const res = await client.octokit.request('GET /orgs/{org}/copilot/billing/seats', {
        org,
        per_page: 100,
        page,
      });
      const data = res.data as unknown as { seats: Seat[] };
      seats.push(...data.seats);
      if (data.seats.length < 100) break;
    }
    return seats
      .filter((s) => s.assignee?.login)
      .map((s) => ({
        toolId,
        signal: 'copilot-seat' as const,
        identity: { kind: 'github' as const, value: (s.assignee?.login as string).toLowerCase() },
        firstSeen: new Date(s.created_at),
        lastSeen: new Date(s.last_activity_at ?? s.updated_at ?? s.created_at),
        confidence: CONFIDENCE.vendorSeat.confidence,
        detail: {
          confidenceReason: CONFIDENCE.vendorSeat.reason,
          login: s.assignee?.login,
          lastActivityAt: s.last_activity_at ?? null,
          lastActivityEditor: s.last_activity_editor ?? null,
          planType: s.plan_type ?? null,
        },
        key: `seat:${(s.assignee?.login as string).toLowerCase()}`,
      }));
  } catch (err) {
    warnings.push({
      reason: permissionError(
        err,
        `the Copilot seats of ${org}`,
        'organisation permission "GitHub Copilot Business: read" (classic scope: manage_billing:copilot or read:org)',
      ).message,
    });
    return [];
  }
}

/** Custom property values per repository ("data-classification": "pii"); null when unreadable. */
export async function readCustomProperties(
  client: GithubClient,
  org: string,
  warnings: ScanWarning[],
): Promise<Map<string, Record<string, string>> | null> {
  const out = new Map<string, Record<string, string>>();
  try {
    const rows = await client.octokit.paginate<{
      repository_full_name: string;
      properties: { property_name: string; value: string | string[] | null }[];
    }>('GET /orgs/{org}/properties/values', { org, per_page: 100 });
    for (const r of rows) {
      const props: Record<string, string> = {};
      for (const p of r.properties)
        if (p.value !== null)
          props[p.property_name] = Array.isArray(p.value) ? p.value.join(',') : p.value;
      out.set(r.repository_full_name, props);
    }
  } catch (err) {
    warnings.push({
      reason: permissionError(
        err,
        `the custom properties of ${org}'s repositories`,
        'organisation permission "Custom properties: read"',
      ).message,
    });
    return null;
  }
  return out;
}

const TEAM_PROPERTY = /^(?:(?:owning|owner)[-_ ]?)?team(?:[-_ ]?owner)?$/i;

/** The owning team a custom property names ("team", "owning-team", "team_owner"), if one does. */
export function teamProperty(properties: Record<string, string>): string | undefined {
  for (const [k, v] of Object.entries(properties))
    if (TEAM_PROPERTY.test(k) && v.trim()) return v.trim();
  return undefined;
}

const CLASSES = new Set<string>(DATA_CLASSES);

/** Data classes from topics (`pii`, `data-phi`) and classification-like properties. */
export function classify(topics: string[], properties: Record<string, string>): RepoClassification {
  const classes = new Set<string>();
  for (const t of topics) {
    const c = t.toLowerCase().replace(/^(data|contains)-/, '');
    if (CLASSES.has(c)) classes.add(c);
  }
  for (const [k, v] of Object.entries(properties)) {
    if (!/classif|sensitiv|data/i.test(k)) continue;
    for (const part of v.toLowerCase().split(/[,\s]+/)) if (CLASSES.has(part)) classes.add(part);
  }
  return { topics, properties, dataClasses: [...classes].sort() };
}
