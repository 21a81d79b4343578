import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  CopilotOrgDay,
  VendorUsageDay,
} from '../connector.types';
import { dayOf, daysBetween } from './connector-days';
import { parseCopilotOrgReport, parseCopilotUserReport } from './copilot-reports';
import { mergeMalformed, noMalformed } from './ndjson';

// The Copilot usage-metrics reports of an organisation,
// https://docs.github.com/en/rest/copilot/copilot-usage-metrics: each endpoint answers
// {download_links, report_day} (1-day) or {download_links, report_start_day, report_end_day}
// (28-day/latest); every link is a signed, short-lived URL to an NDJSON file, fetched without the
// token. Reports cover complete days only, so a run reads up to yesterday. Two cursors: `lastDay`
// for the users report (person-level use), `orgLastDay` for the organization report (aggregates).
// A first run takes the organization's 28-day report in one call, later runs the 1-day ones.

export const METRICS_PERMISSION =
  'View Organization Copilot Metrics (classic token: read:org), with the organisation\'s "Copilot usage metrics" policy (formerly "Copilot metrics API access") enabled';
/** a first run reads the last 28 days, as GitHub's own 28-day report does */
const FIRST_RUN_DAYS = 28;
const DAY = 86_400_000;

interface ReportLinks {
  download_links?: string[];
  report_day?: string;
  report_start_day?: string;
  report_end_day?: string;
}

const after = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY));
const isDay = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

export async function* readMetricsReports(
  ctx: ConnectorContext,
  org: string,
): AsyncGenerator<ConnectorBatch> {
  const orgName = ctx.org ?? decodeURIComponent(org);
  const base = `/orgs/${org}/copilot/metrics/reports`;
  const cursor: Record<string, unknown> = { ...(ctx.cursor ?? {}) };
  const yesterday = dayOf(new Date(ctx.now.getTime() - DAY));
  const firstDay = dayOf(new Date(ctx.now.getTime() - FIRST_RUN_DAYS * DAY));
  const userFrom = isDay(cursor.lastDay) ? after(cursor.lastDay) : firstDay;
  let orgFrom = isDay(cursor.orgLastDay) ? after(cursor.orgLastDay) : null;

  if (orgFrom === null) {
    const links = await reportLinks(ctx, `${base}/organization-28-day/latest`, {}, orgName);
    const batch = await orgBatch(ctx, links, orgName, '28-day organization report', firstDay);
    if (isDay(links.report_end_day)) {
      cursor.orgLastDay = links.report_end_day;
      orgFrom = after(links.report_end_day);
    } else orgFrom = firstDay;
    yield { ...batch, cursor: { ...cursor } };
  }

  const from = userFrom < orgFrom ? userFrom : orgFrom;
  for (const [day] of daysBetween(from, yesterday, 1)) {
    const batch: ConnectorBatch = { malformed: noMalformed() };
    if (day >= userFrom) {
      const links = await reportLinks(ctx, `${base}/users-1-day`, { day }, orgName);
      const usage: VendorUsageDay[] = [];
      for (const [i, link] of (links.download_links ?? []).entries()) {
        const text = await ctx.http.download(link, METRICS_PERMISSION);
        const read = parseCopilotUserReport(text, day, `users report of ${day}, file ${i + 1}`);
        usage.push(...read.usage);
        mergeMalformed(batch.malformed!, read.malformed);
      }
      batch.usage = usage;
      cursor.lastDay = day;
    }
    if (day >= orgFrom) {
      const links = await reportLinks(ctx, `${base}/organization-1-day`, { day }, orgName);
      const read = await orgBatch(ctx, links, orgName, `organization report of ${day}`, day);
      batch.copilotOrgDays = read.copilotOrgDays!.filter((d) => d.day === day);
      mergeMalformed(batch.malformed!, read.malformed!);
      cursor.orgLastDay = day;
    }
    // a day is stored whole (every file of both reports) before the cursor passes it
    yield { ...batch, cursor: { ...cursor } };
  }
}

async function orgBatch(
  ctx: ConnectorContext,
  links: ReportLinks,
  org: string,
  what: string,
  fromDay: string,
): Promise<ConnectorBatch> {
  const days: CopilotOrgDay[] = [];
  const malformed = noMalformed();
  for (const [i, link] of (links.download_links ?? []).entries()) {
    const text = await ctx.http.download(link, METRICS_PERMISSION);
    const read = parseCopilotOrgReport(text, org, `${what}, file ${i + 1}`, fromDay);
    days.push(...read.days);
    mergeMalformed(malformed, read.malformed);
  }
  return { copilotOrgDays: days, malformed };
}

/** One cheap call the reports need: the links of the latest 28-day organization report. */
export async function testMetricsAccess(ctx: ConnectorContext, org: string): Promise<void> {
  await reportLinks(
    ctx,
    `/orgs/${org}/copilot/metrics/reports/organization-28-day/latest`,
    {},
    ctx.org ?? decodeURIComponent(org),
  );
}

/**
 * The links of one report. GitHub answers 404 or 422 when the organisation's usage metrics are
 * switched off (or the day is out of the reports' range): said in words, not as a bare status.
 */
async function reportLinks(
  ctx: ConnectorContext,
  path: string,
  query: Record<string, string>,
  org: string,
): Promise<ReportLinks> {
  try {
    return await ctx.http.json<ReportLinks>(path, { query, permission: METRICS_PERMISSION });
  } catch (err) {
    const status = err instanceof DomainError ? err.details?.status : undefined;
    if (status !== 404 && status !== 422) throw err;
    const day = query.day ? ` for ${query.day}` : '';
    throw new DomainError(
      ErrorCode.ConnectorUnavailable,
      `github-copilot: ${path.replace(/^.*\/reports\//, '')}${day} answered ${status}: Copilot usage metrics are not available for the organisation "${org}" — an owner must enable the "Copilot usage metrics" policy (enterprise: "Enabled everywhere"), the organisation needs a Copilot Business or Enterprise plan, and reports exist from 2025-10-10 for one year`,
      { connector: 'github-copilot', status, reason: 'metrics-disabled' },
    );
  }
}
