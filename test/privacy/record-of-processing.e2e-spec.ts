import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, runCliInProcess } from '../support/processes';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

describe('the record of processing', () => {
  let t: TestApp;
  let outDir: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RETENTION_EVIDENCE_DAYS: '400',
        RETENTION_AUDIT_DAYS: '730',
        PRIVACY_CONTACT: 'dpo@example.com',
        PRIVACY_K_DEFAULT: '7',
      },
    });
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-ropa-'));
    await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Q4 AI inventory', privacyMode: 'pseudonymous' })
      .expect(201);
  });
  afterAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    await t?.close();
  });

  it('should describe the configured retention, the roles, the surveys and the safeguards in Markdown', async () => {
    const res = await t.http
      .get('/api/privacy/record-of-processing')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/markdown/);
    expect(res.headers['content-disposition']).toMatch(
      /record-of-processing-\d{4}-\d{2}-\d{2}\.md/,
    );
    const md = res.text;
    expect(md).toMatch(/^# AI Census: record of processing/);
    for (const heading of [
      'Purposes',
      'Categories of people',
      'Categories of data, by source in use',
      'Recipients by role',
      'Retention',
      'Safeguards',
    ])
      expect(md).toContain(`## ${heading}`);
    expect(md).toMatch(/\| Evidence, network roll-ups and findings [^|]*\| 400 \|/);
    expect(md).toMatch(/\| Audit log \| 730 \|/);
    expect(md).toMatch(/\| privacy \| yes \|/);
    expect(md).toMatch(/\| leader \| no \|/);
    expect(md).toMatch(/\| Q4 AI inventory \| pseudonymous \| 7 \| open \|/);
    expect(md).toContain('groups smaller than 7 people');
    expect(md).toContain('dpo@example.com');
    expect(md).toMatch(/\| Adoption surveys \| yes/);
    expect(md).toMatch(/\| GitHub organisation \| no \|/);
  });

  it('should print a real PDF through Chromium', async () => {
    const res = await t.http
      .get('/api/privacy/record-of-processing?format=pdf')
      .set(bearer(t.tokens.privacy))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pdf = res.body as Buffer;
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('should refuse the leader and security roles and a format it does not know', async () => {
    for (const role of ['leader', 'security'] as const)
      await t.http.get('/api/privacy/record-of-processing').set(bearer(t.tokens[role])).expect(403);
    await t.http
      .get('/api/privacy/record-of-processing?format=docx')
      .set(bearer(t.tokens.admin))
      .expect(400);
  });

  it('should write the record through the CLI', async () => {
    const md = path.join(outDir, 'ropa.md');
    const pdf = path.join(outDir, 'ropa.pdf');
    const r = runCli(['privacy', 'record', '--out', md], t.env);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(md, 'utf8')).toMatch(/\| Audit log \| 730 \|/);
    // the same entry in this process from here
    const p = await runCliInProcess(['privacy', 'record', '--format', 'pdf', '--out', pdf], t.env);
    expect([p.status, p.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const missing = await runCliInProcess(['privacy', 'record'], t.env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('--out');
  }, 240_000);
});
