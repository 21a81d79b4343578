import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { parse } from 'yaml';
import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { EvidenceService } from '../../src/evidence/evidence.service';
import { REGISTER_CSV_HEADER } from '../../src/guardrails/enforcement/register/ai-register';
import { runCliAsync, runCliInProcess } from '../support/processes';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('guardrails enforcement API', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'aic-guard-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const setPolicy = (toolId: string, body: object) =>
    t.http.put(`/api/catalog/tools/${toolId}/policy`).set(bearer(t.tokens.coe)).send(body);

  it('should serve exports to the CoE, security and admins only', async () => {
    for (const role of ['coe', 'security', 'admin'] as const) {
      const res = await t.http.get('/api/guardrails/exports/domains').set(bearer(t.tokens[role]));
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
    }
    for (const role of ['leader', 'privacy'] as const) {
      const res = await t.http.get('/api/guardrails/exports/squid').set(bearer(t.tokens[role]));
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect((await t.http.get('/api/guardrails/exports/squid')).status).toBe(401);
    const unknown = await t.http.get('/api/guardrails/exports/pfsense').set(bearer(t.tokens.coe));
    expect(unknown.status).toBe(404);
    const hostsAllow = await t.http
      .get('/api/guardrails/exports/hosts?list=allow')
      .set(bearer(t.tokens.coe));
    expect(hostsAllow.status).toBe(400);
    const badList = await t.http
      .get('/api/guardrails/exports/zscaler?list=maybe')
      .set(bearer(t.tokens.coe));
    expect(badList.status).toBe(400);
  });

  it('should regenerate an export when the policy changes, and answer 304 while it does not', async () => {
    const first = await t.http.get('/api/guardrails/exports/squid').set(bearer(t.tokens.security));
    expect(first.status).toBe(200);
    expect(first.text).not.toContain('.cursor.com');
    const etag = first.headers.etag as string;
    const same = await t.http
      .get('/api/guardrails/exports/squid')
      .set({ ...bearer(t.tokens.security), 'If-None-Match': etag });
    expect(same.status).toBe(304);

    expect((await setPolicy('cursor', { status: 'prohibited' })).status).toBe(200);
    const after = await t.http
      .get('/api/guardrails/exports/squid')
      .set({ ...bearer(t.tokens.security), 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.text).toMatch(/^acl ai_census_prohibited dstdomain .*\.cursor\.com/m);
    expect(after.text).toContain(
      `# policy version: ${after.headers['x-ai-census-policy-version']}`,
    );

    const zscaler = await t.http
      .get('/api/guardrails/exports/zscaler?list=block')
      .set(bearer(t.tokens.coe));
    expect(zscaler.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(zscaler.text).urls).toContain('.cursor.com');
    const allow = await t.http
      .get('/api/guardrails/exports/cloudflare?list=allow')
      .set(bearer(t.tokens.coe));
    expect(JSON.parse(allow.text).items).toEqual([]);
  });

  it('should validate and keep the register fields of a policy through the YAML round trip', async () => {
    const bad = await setPolicy('github-copilot', {
      status: 'sanctioned',
      nextReview: '2027-02-30',
    });
    expect(bad.status).toBe(400);
    const ok = await setPolicy('github-copilot', {
      status: 'sanctioned',
      dataClasses: ['public', 'internal'],
      tenantBound: true,
      owner: 'Developer Experience',
      purpose: 'Code completion and review',
      nextReview: '2027-03-31',
    });
    expect(ok.status).toBe(200);
    // a later change that leaves them out keeps them
    await setPolicy('github-copilot', {
      status: 'sanctioned',
      dataClasses: ['public'],
      tenantBound: true,
    });
    const exported = await t.http.get('/api/catalog/policies/export').set(bearer(t.tokens.coe));
    const copilot = (parse(exported.text) as { policies: Record<string, Record<string, unknown>> })
      .policies['github-copilot'];
    expect(copilot).toMatchObject({
      owner: 'Developer Experience',
      purpose: 'Code completion and review',
      nextReview: '2027-03-31',
      dataClasses: ['public'],
    });
    const reimport = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.coe))
      .send({ yaml: exported.text.replace('Developer Experience', 'Platform') });
    expect(reimport.body).toEqual({ changed: 1, unchanged: 1, factsChanged: 0 });
  });

  it('should give the register in YAML, CSV and XLSX to leaders, without person names', async () => {
    await t.app.get(EvidenceService).record([
      {
        toolId: 'github-copilot',
        signal: 'config-file',
        repository: 'svc',
        firstSeen: new Date('2026-10-01T00:00:00Z'),
        lastSeen: new Date('2026-11-01T00:00:00Z'),
        confidence: 0.95,
        detail: { path: '.github/copilot-instructions.md' },
        fingerprint: 'guard-register-copilot',
      },
    ]);
    await t.app.get(CorrelationService).correlate(new Date('2026-11-02T00:00:00Z'));

    const denied = await t.http.get('/api/guardrails/register').set(bearer(t.tokens.privacy));
    expect(denied.status).toBe(403);
    const yaml = await t.http.get('/api/guardrails/register').set(bearer(t.tokens.leader));
    expect(yaml.status).toBe(200);
    const register = parse(yaml.text) as { entries: Record<string, unknown>[] };
    expect(register.entries.find((e) => e.toolId === 'github-copilot')).toMatchObject({
      status: 'sanctioned',
      owner: 'Platform',
      purpose: 'Code completion and review',
      nextReview: '2027-03-31',
      decisionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      inUse: true,
      repositories: 1,
      complianceReferences: expect.arrayContaining(['EU AI Act Article 4']),
    });
    expect(register.entries.find((e) => e.toolId === 'cursor')).toMatchObject({
      status: 'prohibited',
      inUse: false,
    });
    expect(yaml.text).not.toContain('test-coe');

    const csv = await t.http.get('/api/guardrails/register?format=csv').set(bearer(t.tokens.coe));
    expect(csv.text.split('\r\n')[0]).toBe(REGISTER_CSV_HEADER.join(','));

    const xlsx = await t.http
      .get('/api/guardrails/register?format=xlsx')
      .set(bearer(t.tokens.admin))
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = wb.getWorksheet('AI register')!;
    const ids = sheet.getColumn(1).values.slice(2);
    expect(ids).toEqual(expect.arrayContaining(['cursor', 'github-copilot']));
  });

  it('should write the same exports and register from the CLI', async () => {
    const squid = join(dir, 'ai-census.squid.conf');
    const exp = await runCliAsync(['guardrails', 'export', 'squid', '--out', squid], t.env);
    expect(exp.status).toBe(0);
    const api = await t.http.get('/api/guardrails/exports/squid').set(bearer(t.tokens.coe));
    expect(readFileSync(squid, 'utf8')).toBe(api.text);

    const xlsx = join(dir, 'register.xlsx');
    // the command group's real process is the export above; the rest in this process
    const reg = await runCliInProcess(
      ['guardrails', 'register', '--format', 'xlsx', '--out', xlsx],
      t.env,
    );
    expect(reg.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('AI register')!.getRow(1).getCell(1).value).toBe('tool_id');
    const noOut = await runCliInProcess(['guardrails', 'register', '--format', 'xlsx'], t.env);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toContain('--format xlsx needs --out FILE');
  });
});
