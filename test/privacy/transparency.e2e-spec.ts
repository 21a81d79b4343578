import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createHttpApp } from '../../src/bootstrap/http-app';
import { AppConfig } from '../../src/config/app-config';
import { createTestDatabase } from '../support/test-db';

type Db = Awaited<ReturnType<typeof createTestDatabase>>;

/** The public transparency page follows the configuration the service is started with. */
describe('the transparency page at /privacy', () => {
  let db: Db;
  let dataDir: string;
  let watchDir: string;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-privacy-'));
    watchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-privacy-watch-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(watchDir, { recursive: true, force: true });
  });

  /** Starts the API on the same database with these settings; no token is ever sent. */
  async function start(env: Record<string, string>) {
    const config = AppConfig.fromEnv({
      DATABASE_URL: db.url,
      AI_CENSUS_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      ...env,
    });
    app = await createHttpApp(config, ['error']);
    await app.init();
    return request(app.getHttpServer());
  }

  const sourcesOn = (body: { sources: { id: string; enabled: boolean }[] }) =>
    body.sources.filter((s) => s.enabled).map((s) => s.id);

  it('should show a source switched on, then off again, and keep each version in its history', async () => {
    // 1. GitHub and the network drop folder off
    let http = await start({ PRIVACY_CONTACT: 'privacy@example.com' });
    const off = await http.get('/privacy').expect(200);
    expect(off.headers['content-type']).toMatch(/text\/html/);
    expect(off.headers['content-security-policy']).toContain("default-src 'none'");
    expect(off.text).toContain('GitHub organisation: not collected.');
    expect(off.text).toContain('Network logs (proxy, DNS, firewall): not collected.');
    expect(off.text).toContain('privacy@example.com');
    const offJson = await http.get('/privacy.json').expect(200);
    expect(sourcesOn(offJson.body)).toEqual([]);
    expect(offJson.body.contact).toBe('privacy@example.com');
    await app!.close();

    // 2. switched on by configuration
    http = await start({
      PRIVACY_CONTACT: 'privacy@example.com',
      GITHUB_TOKEN: 'ghp_transparencytestsecret',
      NETWORK_WATCH_DIR: watchDir,
    });
    const on = await http.get('/privacy').expect(200);
    expect(on.text).toContain('GitHub organisation. Keeps: members');
    expect(on.text).toContain('Network logs (proxy, DNS, firewall). Keeps: a daily roll-up');
    expect(on.text).not.toContain('GitHub organisation: not collected.');
    expect(on.text).not.toContain('ghp_transparencytestsecret');
    expect(on.text).not.toContain(watchDir);
    const onJson = await http.get('/privacy.json').expect(200);
    expect(sourcesOn(onJson.body)).toEqual(['github', 'network']);
    expect(onJson.body.version).not.toBe(offJson.body.version);

    const history = await http.get('/privacy/history').expect(200);
    expect(history.body.current).toBe(onJson.body.version);
    expect(
      history.body.versions.map((v: { version: number; hash: string; sourcesOn: string[] }) => [
        v.version,
        v.hash,
        v.sourcesOn,
      ]),
    ).toEqual([
      [1, offJson.body.version, []],
      [2, onJson.body.version, ['github', 'network']],
    ]);
    const first = await http.get(`/privacy/history/${offJson.body.version}`).expect(200);
    expect(first.text).toBe(off.text);
    await http.get(`/privacy/history/${'0'.repeat(64)}`).expect(404);
    await app!.close();

    // 3. switched off again: the first version comes back; no third is stored
    http = await start({ PRIVACY_CONTACT: 'privacy@example.com' });
    const again = await http.get('/privacy.json').expect(200);
    expect(again.body.version).toBe(offJson.body.version);
    const after = await http.get('/privacy/history').expect(200);
    expect(after.body.versions).toHaveLength(2);
    expect(after.body.current).toBe(offJson.body.version);
    expect(new Date(after.body.versions[0].lastSeenAt).getTime()).toBeGreaterThan(
      new Date(after.body.versions[0].firstSeenAt).getTime(),
    );
  });
});
