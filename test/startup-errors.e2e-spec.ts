import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DIST, REPO_ROOT, runCli } from './support/processes';
import { createTestDatabase } from './support/test-db';
import { pgUrlFor, TEST_REDIS_URL } from './support/test-env';

/** Starts an entry point that is expected to stop at once, and returns what it printed. */
function start(entry: 'main.js' | 'worker.js', env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(DIST, entry)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'log', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

const NO_SERVER = 'postgres://census:pw-in-url@127.0.0.1:1/census';
const missingDb = () => pgUrlFor('no_such_database_aic');

describe('start-up and CLI errors: one line that names the problem', () => {
  it('should name a database nobody listens for, without a stack or the password', () => {
    for (const entry of ['main.js', 'worker.js'] as const) {
      const r = start(entry, { DATABASE_URL: NO_SERVER, REDIS_URL: TEST_REDIS_URL });
      expect(r.status).toBe(1);
      expect(r.output.split('\n')).toHaveLength(1);
      expect(r.output).toMatch(
        /^ai-census( worker)?: cannot use the database of DATABASE_URL \(127\.0\.0\.1:1\/census\): connection refused/,
      );
      expect(r.output).not.toContain('pw-in-url');
    }
    const cli = runCli(['token', 'list'], { DATABASE_URL: NO_SERVER });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/connection refused/);
  });

  it('should name a database that does not exist', () => {
    const r = start('main.js', { DATABASE_URL: missingDb() });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(
      /^ai-census: cannot use the database of DATABASE_URL \(.*\/no_such_database_aic\): that database does not exist/,
    );
    expect(r.output.split('\n')).toHaveLength(1);
  });

  it('should name a bad GITHUB_API_URL without echoing its value', () => {
    const r = start('main.js', { GITHUB_API_URL: 'ghe.example/api?token=hunter2' });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(
      /^ai-census: Invalid configuration: GITHUB_API_URL: must be an http\(s\) URL/,
    );
    expect(r.output).not.toContain('hunter2');
    expect(r.output).not.toContain('ghe.example');
  });

  it('should refuse a token id that is not one, without SQL text', async () => {
    const db = await createTestDatabase();
    try {
      const r = runCli(['token', 'revoke', 'not-a-uuid'], { DATABASE_URL: db.url });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe('ai-census: "not-a-uuid" is not a token id (see token list)');
    } finally {
      await db.drop();
    }
  });
});
