import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { defaultPolicy } from '../../../catalog/catalog.service';
import type { PolicyStatus } from '../../../catalog/catalog.types';
import type { ToolPolicy } from '../../../catalog/policy-yaml';
import { buildEnforcementLists, wildcardToRegex } from './enforcement-lists';
import { renderExport, UMBRELLA_MAX_DESTINATIONS } from './network-export.renderers';

const tools = loadBuiltinCatalog();
const SQUID = '/usr/sbin/squid';

function policies(decided: Record<string, PolicyStatus | Partial<ToolPolicy>>) {
  const map = new Map(tools.map((t) => [t.id, defaultPolicy(t.id)]));
  for (const [id, p] of Object.entries(decided))
    map.set(id, { ...defaultPolicy(id), ...(typeof p === 'string' ? { status: p } : p) });
  return map;
}

const POLICY = policies({
  cursor: 'prohibited',
  chatgpt: 'prohibited',
  'amazon-bedrock': 'prohibited',
  'openai-api': 'sanctioned',
  'github-copilot': { status: 'sanctioned', tenantBound: true },
  windsurf: 'tolerated',
  'claude-code': 'under-review',
});

// Shapes of the vendors' create bodies, as their API references give them (URLs in the renderers).
function expectZscalerCategory(body: Record<string, unknown>): void {
  expect(body).toEqual({
    configuredName: expect.any(String),
    customCategory: true,
    superCategory: 'USER_DEFINED',
    type: 'URL_CATEGORY',
    description: expect.any(String),
    urls: expect.any(Array),
    dbCategorizedUrls: [],
    keywords: [],
  });
  for (const u of body.urls as string[]) expect(u).toMatch(/^\.[a-z0-9-]+(\.[a-z0-9-]+)+$/);
}

function expectUmbrellaList(body: Record<string, unknown>, access: string): void {
  expect(Object.keys(body).sort()).toEqual([
    'access',
    'bundleTypeId',
    'destinations',
    'isGlobal',
    'name',
  ]);
  expect(body).toMatchObject({ access, isGlobal: false, bundleTypeId: 1 });
  const destinations = body.destinations as Record<string, unknown>[];
  expect(destinations.length).toBeLessThanOrEqual(UMBRELLA_MAX_DESTINATIONS);
  for (const d of destinations) {
    expect(Object.keys(d).sort()).toEqual(['comment', 'destination', 'type']);
    expect(d.type).toBe('domain');
    expect(d.destination).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  }
}

function expectCloudflareList(body: Record<string, unknown>): void {
  expect(Object.keys(body).sort()).toEqual(['description', 'items', 'name', 'type']);
  expect(body.type).toBe('DOMAIN');
  for (const item of body.items as Record<string, unknown>[]) {
    expect(Object.keys(item).sort()).toEqual(['description', 'value']);
    expect(item.value).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  }
}

describe(buildEnforcementLists.name, () => {
  it('should block prohibited tools, allow sanctioned ones and leave the other statuses out', () => {
    const sut = buildEnforcementLists(tools, POLICY);
    const blocked = new Set(sut.block.map((e) => e.toolId));
    const allowed = new Set(sut.allow.map((e) => e.toolId));
    expect([...blocked].sort()).toEqual(['amazon-bedrock', 'chatgpt', 'cursor']);
    expect([...allowed].sort()).toEqual(['github-copilot', 'openai-api']);
    expect(sut.block.map((e) => e.domain)).toEqual(expect.arrayContaining(['cursor.com']));
    expect(sut.allow.find((e) => e.toolId === 'github-copilot')?.tenantBound).toBe(true);
  });

  it('should drop a host that a broader entry of the same list covers', () => {
    const sut = buildEnforcementLists(
      tools,
      policies({ chatgpt: 'prohibited', sora: 'prohibited' }),
    );
    const domains = sut.block.map((e) => e.domain);
    expect(domains).toContain('chatgpt.com');
    expect(domains).not.toContain('sora.chatgpt.com');
  });

  it('should change its version when and only when the policy changes what is listed', () => {
    const a = buildEnforcementLists(tools, POLICY);
    expect(buildEnforcementLists(tools, POLICY).version).toBe(a.version);
    const unlisted = policies({ ...Object.fromEntries(POLICY), 'le-chat': 'tolerated' });
    expect(buildEnforcementLists(tools, unlisted).version).toBe(a.version);
    const more = new Map(POLICY).set('le-chat', {
      ...defaultPolicy('le-chat'),
      status: 'prohibited',
    });
    expect(buildEnforcementLists(tools, more).version).not.toBe(a.version);
  });

  it('should turn a label wildcard into a regular expression with the matcher meaning', () => {
    const re = new RegExp(wildcardToRegex('bedrock-runtime.*.amazonaws.com'));
    expect(re.test('bedrock-runtime.us-east-1.amazonaws.com')).toBe(true);
    expect(re.test('x.bedrock-runtime.eu-west-3.amazonaws.com')).toBe(true);
    expect(re.test('bedrock-runtime.a.b.amazonaws.com')).toBe(false);
    expect(re.test('notbedrock-runtime.us-east-1.amazonaws.com')).toBe(false);
  });
});

describe(renderExport.name, () => {
  const lists = buildEnforcementLists(tools, POLICY);

  (existsSync(SQUID) ? it : it.skip)(
    'should write an ACL file that `squid -k parse` accepts without a warning',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'aic-squid-'));
      try {
        for (const [name, l] of [
          ['full', lists],
          ['empty', buildEnforcementLists(tools, policies({}))],
        ] as const) {
          const acl = join(dir, `${name}.acl.conf`);
          writeFileSync(acl, renderExport('squid', 'block', l).body);
          const conf = join(dir, `${name}.squid.conf`);
          writeFileSync(
            conf,
            [
              'http_port 127.0.0.1:3999',
              `include ${acl}`,
              'http_access allow ai_census_sanctioned',
              'http_access allow ai_census_sanctioned_re',
              'http_access deny ai_census_prohibited',
              'http_access deny ai_census_prohibited_re',
              'http_access deny all',
              '',
            ].join('\n'),
          );
          const r = spawnSync(SQUID, ['-k', 'parse', '-f', conf], { encoding: 'utf8' });
          expect({ name, status: r.status }).toEqual({ name, status: 0 });
          expect(r.stderr).not.toMatch(/WARNING|ERROR|FATAL/);
          expect(r.stderr).toContain('Processing: acl ai_census_prohibited dstdomain');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('should put prohibited hosts, regexes and tenant notes in the Squid file', () => {
    const body = renderExport('squid', 'block', lists).body;
    expect(body).toContain(`# policy version: ${lists.version}`);
    expect(body).toMatch(/^acl ai_census_prohibited dstdomain .*\.cursor\.com/m);
    expect(body).toMatch(/^acl ai_census_prohibited_re dstdom_regex -i .*bedrock/m);
    expect(body).toMatch(/^acl ai_census_sanctioned dstdomain .*\.api\.openai\.com/m);
    expect(body).toMatch(/^# tenant-bound: .*github-copilot passes$/m);
    expect(body).not.toContain('windsurf');
  });

  it('should build a Zscaler custom URL category body for each list', () => {
    for (const list of ['block', 'allow'] as const) {
      const r = renderExport('zscaler', list, lists);
      const body = JSON.parse(r.body) as Record<string, unknown>;
      expectZscalerCategory(body);
      expect(body.description).toContain(lists.version);
    }
    const block = JSON.parse(renderExport('zscaler', 'block', lists).body);
    expect(block.urls).toContain('.cursor.com');
    expect(renderExport('zscaler', 'block', lists).notes.join('\n')).toMatch(/bedrock.*left out/);
  });

  it('should build Umbrella destination list bodies, split at 500 destinations', () => {
    const block = JSON.parse(renderExport('umbrella', 'block', lists).body);
    expectUmbrellaList(block, 'block');
    expect(block.destinations).toContainEqual({
      destination: 'cursor.com',
      type: 'domain',
      comment: 'Cursor (cursor)',
    });
    const all = policies(Object.fromEntries(tools.map((t) => [t.id, 'prohibited' as const])));
    const big = buildEnforcementLists(tools, all);
    const parts = JSON.parse(renderExport('umbrella', 'block', big).body) as unknown;
    const bodies = (Array.isArray(parts) ? parts : [parts]) as Record<string, unknown>[];
    for (const b of bodies) expectUmbrellaList(b, 'block');
    expect(bodies.flatMap((b) => b.destinations as unknown[]).length).toBe(
      big.block.filter((e) => !e.wildcard).length,
    );
  });

  it('should build a Cloudflare Gateway DOMAIN list body and its CSV upload', () => {
    const body = JSON.parse(renderExport('cloudflare', 'allow', lists).body);
    expectCloudflareList(body);
    expect(body.items).toContainEqual({
      value: 'api.openai.com',
      description: 'OpenAI API (openai-api)',
    });
    const csv = renderExport('cloudflare-csv', 'block', lists).body;
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('value,description');
    for (const row of rows.slice(1)) {
      expect(row).toMatch(/^[a-z0-9.-]+,\S/);
      expect(row).toBe(row.trimEnd());
    }
  });

  it('should write a hosts file of 0.0.0.0 lines and refuse a hosts allow list', () => {
    const body = renderExport('hosts', 'block', lists).body;
    for (const line of body.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(/^0\.0\.0\.0 [a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(body).toContain('0.0.0.0 cursor.com\n');
    expect(body).not.toContain('*');
    expect(() => renderExport('hosts', 'allow', lists)).toThrow(/only block/);
  });

  it('should list one domain a line in the plain format', () => {
    const body = renderExport('domains', 'allow', lists).body;
    const domains = body.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(domains).toEqual(expect.arrayContaining(['api.openai.com', 'githubcopilot.com']));
    expect(domains).not.toContain('cursor.com');
  });
});
