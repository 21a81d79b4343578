import { toCsv } from '../../../common/csv';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { wildcardToRegex, type DomainEntry, type EnforcementLists } from './enforcement-lists';

export const EXPORT_FORMATS = [
  'squid',
  'zscaler',
  'umbrella',
  'cloudflare',
  'cloudflare-csv',
  'domains',
  'hosts',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LISTS = ['block', 'allow'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** A rendered export: the file, and what the target product could not take (for the operator). */
export interface RenderedExport {
  body: string;
  contentType: string;
  filename: string;
  /** entries left out or weakened because the product cannot express them */
  notes: string[];
}

const PREFIX = 'ai-census';
const SQUID_ACL = 'ai_census';
/** RFC 2606 reserves `.invalid`: an ACL needs one value, and this one never matches real traffic. */
const SQUID_PLACEHOLDER = '.ai-census-empty.invalid';
/** Umbrella's POST takes at most 500 destinations per request (Destination Lists API overview). */
export const UMBRELLA_MAX_DESTINATIONS = 500;

const TENANT_NOTE =
  'tenant-bound: sanctioned only through the organisation tenant; a host list cannot tell tenants apart';

export function renderExport(
  format: ExportFormat,
  list: ExportList,
  lists: EnforcementLists,
): RenderedExport {
  switch (format) {
    case 'squid':
      return renderSquid(lists);
    case 'zscaler':
      return renderZscaler(list, lists);
    case 'umbrella':
      return renderUmbrella(list, lists);
    case 'cloudflare':
      return renderCloudflare(list, lists);
    case 'cloudflare-csv':
      return renderCloudflareCsv(list, lists);
    case 'domains':
      return renderDomains(list, lists);
    case 'hosts':
      return renderHosts(list, lists);
  }
}

function label(list: ExportList): string {
  return list === 'block' ? 'prohibited' : 'sanctioned';
}

function byTool(entries: DomainEntry[]): Map<string, DomainEntry[]> {
  const out = new Map<string, DomainEntry[]>();
  for (const e of [...entries].sort((a, b) => a.toolId.localeCompare(b.toolId)))
    out.set(e.toolId, [...(out.get(e.toolId) ?? []), e]);
  return out;
}

function describe(e: DomainEntry): string {
  return `${e.toolName} (${e.toolId})${e.tenantBound ? ', tenant-bound' : ''}`;
}

/** Products without label wildcards: the entry is left out and named in the notes. */
function splitWildcards(entries: DomainEntry[], product: string, notes: string[]): DomainEntry[] {
  const plain = entries.filter((e) => !e.wildcard);
  for (const e of entries.filter((w) => w.wildcard))
    notes.push(
      `${product} takes no wildcard inside a host name: ${e.domain} (${e.toolId}) left out`,
    );
  return plain;
}

function tenantNotes(entries: DomainEntry[], product: string, notes: string[]): void {
  const tools = [...new Set(entries.filter((e) => e.tenantBound).map((e) => e.toolId))];
  for (const t of tools)
    notes.push(
      `${t} is tenant-bound: ${product} allows its hosts for every tenant unless tenant restrictions are set up in ${product}`,
    );
}

/**
 * An ACL file for Squid's `include` directive: four ACLs that always exist (a placeholder keeps
 * an empty one valid), so the operator's http_access lines keep parsing whatever the policy says.
 * dstdomain `.example.com` matches the domain and its subdomains; label wildcards become
 * dstdom_regex. Squid matches hosts only: it cannot see which account or tenant a request uses.
 */
function renderSquid(lists: EnforcementLists): RenderedExport {
  const lines = [
    '# AI Census: Squid ACLs generated from the AI tool policy. Do not edit: re-export instead.',
    `# policy version: ${lists.version}`,
    '#',
    '# Use: include this file before your http_access rules, then for example',
    `#   http_access allow ${SQUID_ACL}_sanctioned`,
    `#   http_access allow ${SQUID_ACL}_sanctioned_re`,
    `#   http_access deny ${SQUID_ACL}_prohibited`,
    `#   http_access deny ${SQUID_ACL}_prohibited_re`,
    '# Allow lines first: a sanctioned API host (api.openai.com) can sit under a prohibited',
    '# domain (openai.com). tolerated, under-review and unreviewed tools are on neither list.',
  ];
  const notes: string[] = [];
  for (const list of EXPORT_LISTS) {
    const name = `${SQUID_ACL}_${label(list)}`;
    const entries = lists[list];
    lines.push('', `# ${label(list)} tools: ${new Set(entries.map((e) => e.toolId)).size}`);
    const regexes: string[] = [];
    for (const [, group] of byTool(entries)) {
      const plain = group.filter((e) => !e.wildcard);
      lines.push(`# ${describe(group[0])}`);
      if (group[0].tenantBound)
        lines.push(
          `# ${TENANT_NOTE}: Squid matches the host only, so every account of ${group[0].toolId} passes`,
        );
      if (plain.length > 0)
        lines.push(`acl ${name} dstdomain ${plain.map((e) => `.${e.domain}`).join(' ')}`);
      regexes.push(...group.filter((e) => e.wildcard).map((e) => wildcardToRegex(e.domain)));
    }
    if (!entries.some((e) => !e.wildcard)) lines.push(`acl ${name} dstdomain ${SQUID_PLACEHOLDER}`);
    lines.push(
      regexes.length > 0
        ? `acl ${name}_re dstdom_regex -i ${regexes.join(' ')}`
        : `acl ${name}_re dstdom_regex -i ${wildcardToRegex(SQUID_PLACEHOLDER.slice(1))}`,
    );
    tenantNotes(entries, 'Squid', notes);
  }
  return {
    body: `${lines.join('\n')}\n`,
    contentType: 'text/plain; charset=utf-8',
    filename: `${PREFIX}.squid.conf`,
    notes,
  };
}

/**
 * The body of ZIA's `POST /urlCategories` (a custom URL category):
 * https://help.zscaler.com/zia/url-categories#/urlCategories-post. A leading dot covers the
 * domain and its subdomains (https://help.zscaler.com/zia/url-format-guidelines). Bind the
 * category to a URL filtering rule (block) or a Cloud App Control / SSL rule (allow); tenant
 * restrictions for tenant-bound tools are ZIA tenant profiles, configured in ZIA.
 */
function renderZscaler(list: ExportList, lists: EnforcementLists): RenderedExport {
  const notes: string[] = [];
  const entries = splitWildcards(lists[list], 'Zscaler', notes);
  tenantNotes(entries, 'Zscaler', notes);
  const body = {
    configuredName: `AI Census ${label(list)} AI tools`,
    customCategory: true,
    superCategory: 'USER_DEFINED',
    type: 'URL_CATEGORY',
    description: `Generated by AI Census from the AI tool policy (version ${lists.version}): ${label(list)} tools. Do not edit by hand.`,
    urls: entries.map((e) => `.${e.domain}`),
    dbCategorizedUrls: [],
    keywords: [],
  };
  return json(body, `${PREFIX}.zscaler-${list}.json`, notes);
}

/**
 * The body of Umbrella's `POST /policies/v2/destinationlists`:
 * https://developer.cisco.com/docs/cloud-security/create-destination-list. A domain destination
 * covers its subdomains. Above 500 destinations the export is a JSON array of bodies, each one
 * request. `bundleTypeId` 1 is a DNS policy list (2 would be web).
 */
function renderUmbrella(list: ExportList, lists: EnforcementLists): RenderedExport {
  const notes: string[] = [];
  const entries = splitWildcards(lists[list], 'Umbrella', notes);
  tenantNotes(entries, 'Umbrella', notes);
  const destinations = entries.map((e) => ({
    destination: e.domain,
    type: 'domain',
    comment: describe(e).slice(0, 255),
  }));
  const name = `AI Census ${label(list)} AI tools`;
  const bodies = [];
  for (let i = 0; i === 0 || i < destinations.length; i += UMBRELLA_MAX_DESTINATIONS) {
    const part = Math.floor(i / UMBRELLA_MAX_DESTINATIONS) + 1;
    bodies.push({
      access: list,
      isGlobal: false,
      name: destinations.length > UMBRELLA_MAX_DESTINATIONS ? `${name} (part ${part})` : name,
      bundleTypeId: 1,
      destinations: destinations.slice(i, i + UMBRELLA_MAX_DESTINATIONS),
    });
  }
  if (bodies.length > 1)
    notes.push(`Umbrella takes 500 destinations per request: ${bodies.length} list bodies`);
  return json(bodies.length === 1 ? bodies[0] : bodies, `${PREFIX}.umbrella-${list}.json`, notes);
}

/**
 * The body of Cloudflare's `POST /accounts/{account_id}/gateway/lists` with type DOMAIN:
 * https://developers.cloudflare.com/api/resources/zero_trust/subresources/gateway/subresources/lists/methods/create/
 * Reference it from a Gateway DNS or HTTP policy (`any(dns.domains[*] in $<list id>)`).
 * Tenant control for tenant-bound tools is a Gateway HTTP policy that adds the vendor's tenant
 * header, configured in Cloudflare.
 */
function renderCloudflare(list: ExportList, lists: EnforcementLists): RenderedExport {
  const notes: string[] = [];
  const entries = splitWildcards(lists[list], 'Cloudflare Gateway', notes);
  tenantNotes(entries, 'Cloudflare Gateway', notes);
  const body = {
    name: `AI Census ${label(list)} AI tools`,
    description: `Generated by AI Census from the AI tool policy (version ${lists.version}). Do not edit by hand.`,
    type: 'DOMAIN',
    items: entries.map((e) => ({ value: e.domain, description: describe(e) })),
  };
  return json(body, `${PREFIX}.cloudflare-${list}.json`, notes);
}

/**
 * Cloudflare's "Upload CSV" list file: a `value,description` header row, one entry per line,
 * no trailing whitespace (https://developers.cloudflare.com/cloudflare-one/policies/lists/).
 */
function renderCloudflareCsv(list: ExportList, lists: EnforcementLists): RenderedExport {
  const notes: string[] = [];
  const entries = splitWildcards(lists[list], 'Cloudflare Gateway', notes);
  tenantNotes(entries, 'Cloudflare Gateway', notes);
  return {
    body: toCsv(
      ['value', 'description'],
      entries.map((e) => [e.domain, describe(e)]),
    ),
    contentType: 'text/csv; charset=utf-8',
    filename: `${PREFIX}.cloudflare-${list}.csv`,
    notes,
  };
}

/** One domain a line; each covers its subdomains. Wildcard rules are written as the catalog has them. */
function renderDomains(list: ExportList, lists: EnforcementLists): RenderedExport {
  const lines = header(list, lists, [
    '# One domain a line; each stands for the domain and its subdomains.',
    '# A `*` inside a name is a wildcard for part of one label (bedrock-runtime.*.amazonaws.com).',
  ]);
  for (const [, group] of byTool(lists[list])) {
    lines.push(`# ${describe(group[0])}`);
    lines.push(...group.map((e) => e.domain));
  }
  const notes: string[] = [];
  tenantNotes(lists[list], 'a plain domain list', notes);
  return {
    body: `${lines.join('\n')}\n`,
    contentType: 'text/plain; charset=utf-8',
    filename: `${PREFIX}.${list}.domains.txt`,
    notes,
  };
}

/**
 * A hosts file that sends prohibited hosts to 0.0.0.0. A hosts file maps exact names: it cannot
 * cover subdomains or wildcards, so it only blocks the names listed (a DNS or proxy list does
 * better). There is no such thing as an allow list in it.
 */
function renderHosts(list: ExportList, lists: EnforcementLists): RenderedExport {
  if (list !== 'block')
    throw new DomainError(
      ErrorCode.InvalidInput,
      'list: a hosts file can only block; use list=block',
    );
  const notes: string[] = [];
  const entries = splitWildcards(lists.block, 'A hosts file', notes);
  const lines = header(list, lists, [
    '# A hosts file matches exact names only: subdomains of these hosts are not blocked.',
  ]);
  for (const [, group] of byTool(entries)) {
    lines.push(`# ${describe(group[0])}`);
    for (const e of group) {
      lines.push(`0.0.0.0 ${e.domain}`);
      if (!e.domain.startsWith('www.') && e.domain.split('.').length === 2)
        lines.push(`0.0.0.0 www.${e.domain}`);
    }
  }
  return {
    body: `${lines.join('\n')}\n`,
    contentType: 'text/plain; charset=utf-8',
    filename: `${PREFIX}.hosts`,
    notes,
  };
}

function header(list: ExportList, lists: EnforcementLists, extra: string[]): string[] {
  return [
    `# AI Census: ${label(list)} AI tools, generated from the AI tool policy. Do not edit: re-export instead.`,
    `# policy version: ${lists.version}`,
    ...extra,
  ];
}

function json(body: unknown, filename: string, notes: string[]): RenderedExport {
  return {
    body: `${JSON.stringify(body, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    filename,
    notes,
  };
}
