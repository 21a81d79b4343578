import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCAL_OPERATOR, Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/token.service';
import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { EndpointsService } from '../../src/signals/endpoints/endpoints.service';
import {
  buildFakeHome,
  SECRET_VALUE,
  type FakeOs,
} from '../../src/signals/endpoints/testing/fake-home';
import { DIST, REPO_ROOT } from '../support/processes';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const COLLECTOR = path.join(DIST, 'src/signals/endpoints/collector/collector.js');
const SOURCE = path.join(REPO_ROOT, 'src/signals/endpoints/collector/collector.js');
const OWNER = 'alice@example.com';

interface Seen {
  method: string;
  url: string;
  body: string;
}

/** Forwards to the API and records every request the collector makes, body byte for byte. */
async function recordingProxy(target: number) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', body: body.toString('utf8') });
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: target,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function runCollector(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [COLLECTOR, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('endpoint collector → API → findings', () => {
  let t: TestApp;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let collectorToken: string;
  let root: string;
  const deviceIds: Partial<Record<FakeOs, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    proxy = await recordingProxy((t.app.getHttpServer().address() as AddressInfo).port);
    collectorToken = (
      await t.app.get(TokenService).create('laptops', Role.Collector, LOCAL_OPERATOR)
    ).token;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-endpoints-'));
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({
        csv: `email,name,team\n${OWNER},Alice Example,Platform\nbob@example.com,Bob,Platform`,
      })
      .expect(201);
  });
  afterAll(async () => {
    proxy?.server.close();
    await t?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('should serve the collector without a token, byte for byte the file in the repository', async () => {
    const res = await t.http.get('/api/endpoints/collector.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.text).toBe(fs.readFileSync(SOURCE, 'utf8'));
    expect(fs.readFileSync(COLLECTOR, 'utf8')).toBe(res.text);
    // one file, Node's own modules only
    const required = [...res.text.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]);
    expect(required.filter((m) => !m.startsWith('node:'))).toEqual([]);
  });

  it.each(['linux', 'darwin', 'win32'] as const)(
    'should post from a %s home exactly what --dry-run printed, and nothing else',
    async (osName) => {
      const home = path.join(root, osName);
      const { binDir } = buildFakeHome(home, osName);
      const args = ['--server', proxy.url, '--home', home, '--os', osName, '--user', OWNER];
      const env = { PATH: binDir, AI_CENSUS_TOKEN: collectorToken };

      proxy.seen.length = 0;
      const dry = await runCollector([...args, '--dry-run'], env);
      expect(dry.stderr).toMatch(/dry run: nothing was sent/);
      expect(dry.status).toBe(0);
      expect(proxy.seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
        'GET /api/endpoints/catalog ',
      ]);
      expect(dry.stdout).not.toContain(SECRET_VALUE);
      const printed = JSON.parse(dry.stdout) as Record<string, unknown> & {
        device: { id: string; os: string };
        mcpServers: { name: string; envNames: string[] }[];
      };
      expect(printed).toMatchObject({ user: OWNER, device: { os: osName } });
      expect(printed.mcpServers.map((s) => s.name)).toEqual([
        'github',
        'zapier',
        'notion docs',
        'sentry',
        'postgres',
        'fetch',
        'linear',
      ]);

      proxy.seen.length = 0;
      const real = await runCollector(args, env);
      expect(real.stderr).toBe('');
      expect(real.status).toBe(0);
      expect(proxy.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        'GET /api/endpoints/catalog',
        'POST /api/endpoints/reports',
      ]);
      expect(proxy.seen[0].body).toBe('');
      expect(`${proxy.seen[1].body}\n`).toBe(dry.stdout);
      expect(JSON.parse(real.stdout)).toMatchObject({
        deviceId: printed.device.id,
        status: 'recorded',
      });

      // what the server kept is what was printed: no field added, none dropped
      const stored = await t.http
        .get(`/api/endpoints/${printed.device.id}`)
        .set(bearer(t.tokens.security))
        .expect(200);
      expect(stored.body.report).toStrictEqual(printed);
      deviceIds[osName] = printed.device.id;

      // the same report again changes nothing
      const again = await runCollector(args, env);
      expect(JSON.parse(again.stdout)).toMatchObject({
        status: 'unchanged',
        evidence: { inserted: 0, updated: 0 },
      });
    },
  );

  it('should keep no secret value anywhere it stores what the collector sent', async () => {
    expect(Object.keys(deviceIds)).toHaveLength(3);
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM endpoint_device) AS devices,
              (SELECT count(*) FROM endpoint_device WHERE report::text LIKE $1) AS leaked_devices,
              (SELECT count(*) FROM evidence WHERE signal = 'endpoint') AS evidence,
              (SELECT count(*) FROM evidence WHERE detail::text LIKE $1) AS leaked_evidence,
              (SELECT count(*) FROM audit_event WHERE detail::text LIKE $1) AS leaked_audit`,
      [`%${SECRET_VALUE}%`],
    );
    expect(row).toEqual({
      devices: '3',
      leaked_devices: '0',
      evidence: expect.any(String),
      leaked_evidence: '0',
      leaked_audit: '0',
    });
    expect(Number(row.evidence)).toBeGreaterThan(0);
  });

  it('should list the devices with their tools and MCP servers for security', async () => {
    const res = await t.http.get('/api/endpoints').set(bearer(t.tokens.security)).expect(200);
    expect(res.body).toHaveLength(3);
    const linux = res.body.find((d: { deviceId: string }) => d.deviceId === deviceIds.linux);
    expect(linux).toMatchObject({ os: 'linux', user: OWNER, reports: 1 });
    expect(linux.tools).toEqual([
      'claude',
      'claude-code',
      'cursor',
      'github-copilot',
      'gpt4all',
      'harpa',
      'monica',
      'ollama',
      'openai-codex',
    ]);
    expect(
      linux.mcpServers.map((s: { client: string; name: string }) => `${s.client}/${s.name}`),
    ).toEqual([
      'claude-desktop/github',
      'claude-desktop/zapier',
      'codex/notion docs',
      'codex/sentry',
      'cursor/postgres',
      'vscode/fetch',
      'vscode/linear',
    ]);
    const page = await t.http
      .get('/api/endpoints')
      .query({ limit: 2, user: 'ALICE@example.com' })
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(page.body).toHaveLength(2);
    const nobody = await t.http
      .get('/api/endpoints')
      .query({ user: 'bob@example.com' })
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(nobody.body).toEqual([]);
    await t.http.get('/api/endpoints').set(bearer(t.tokens.leader)).expect(403);
  });

  it('should refuse a collector token everywhere but its own routes', async () => {
    const collector = bearer(collectorToken);
    for (const route of ['/api/findings', '/api/catalog/tools', '/api/endpoints', '/api/people']) {
      const res = await t.http.get(route).set(collector);
      expect([route, res.status]).toEqual([route, 403]);
    }
    await t.http.get('/api/endpoints/catalog').set(collector).expect(200);
    // and a person's token may not post reports in a device's name
    await t.http.post('/api/endpoints/reports').set(bearer(t.tokens.admin)).send({}).expect(403);
  });

  it('should answer 400 naming the field of a malformed report', async () => {
    const good = (
      await t.http.get(`/api/endpoints/${deviceIds.linux}`).set(bearer(t.tokens.security))
    ).body.report;
    const cases: [unknown, RegExp][] = [
      [{ ...good, device: { ...good.device, os: 'beos' } }, /device\.os must be one of/],
      [
        {
          ...good,
          mcpServers: [{ ...good.mcpServers[0], envNames: [`TOKEN=${SECRET_VALUE}`] }],
        },
        /mcpServers\.0\.envNames must hold environment variable names only/,
      ],
      [
        { ...good, mcpServers: [{ ...good.mcpServers[1], host: 'mcp.zapier.com/s/key' }] },
        /mcpServers\.0\.host must be a host name/,
      ],
      [{ ...good, ideExtensions: undefined }, /ideExtensions must be an array/],
      [{ ...good, schemaVersion: 2 }, /schemaVersion must be 1/],
      [{ ...good, prompts: ['hello'] }, /property prompts should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await t.http
        .post('/api/endpoints/reports')
        .set(bearer(collectorToken))
        .send(body as object);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
    }
  });

  it('should turn the reports into findings with endpoint evidence and the local-runtime factor', async () => {
    await t.app.get(CorrelationService).correlate();
    const list = await t.http
      .get('/api/findings')
      .query({ toolId: 'ollama', subjectType: 'person' })
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    const ollama = await t.http
      .get(`/api/findings/${list.body.items[0].id}`)
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(ollama.body.signals).toEqual(['endpoint']);
    expect(ollama.body.factors).toContainEqual({
      key: 'deployment.local-runtime',
      points: -10,
      reason: 'Ollama runs models locally: prompts and data stay on the machine',
    });
    expect(ollama.body.evidence[0]).toMatchObject({
      signal: 'endpoint',
      detail: { kind: 'runtime', models: ['acme/coder:7b', 'llama3.2:latest'] },
    });

    const claude = await t.http
      .get('/api/findings')
      .query({ toolId: 'claude', subjectType: 'person' })
      .set(bearer(t.tokens.security))
      .expect(200);
    const detail = await t.http
      .get(`/api/findings/${claude.body.items[0].id}`)
      .set(bearer(t.tokens.security))
      .expect(200);
    // the MCP servers configured in Claude Desktop, each with the device it was found on
    const servers = detail.body.evidence.map(
      (e: { detail: { server: string; device: string } }) =>
        `${e.detail.server}@${e.detail.device}`,
    );
    expect(new Set(servers)).toEqual(
      new Set([`github@${os.hostname()}`, `zapier@${os.hostname()}`]),
    );
    expect(detail.body.factors.map((f: { key: string }) => f.key)).not.toContain(
      'deployment.local-runtime',
    );
  });

  it('should give a person their devices and erase them on request', async () => {
    const people = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    const all = (people.body.items ?? people.body) as { id: string; email: string }[];
    const alice = all.find((p) => p.email === OWNER)!;
    const bob = all.find((p) => p.email === 'bob@example.com')!;
    const sut = t.app.get(EndpointsService);
    await expect(sut.personData(bob.id)).resolves.toEqual([]);
    const [section] = await sut.personData(alice.id);
    expect(section.kind).toBe('endpoint-devices');
    expect(section.rows.map((r) => r.deviceId).sort()).toEqual(Object.values(deviceIds).sort());
    await expect(sut.erasePerson(alice.id)).resolves.toEqual({ 'endpoint-devices': 3 });
    await expect(sut.personData(alice.id)).resolves.toEqual([]);
  });
});
