import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, REPO_ROOT } from './support/processes';
import { createTestDatabase } from './support/test-db';

/** Runs the built CLI and returns what it printed and every file it loaded. */
function runCliLoaded(args: string[], env: Record<string, string>) {
  const out = join(mkdtempSync(join(tmpdir(), 'aic-loaded-')), 'modules.json');
  const r = spawnSync(
    process.execPath,
    ['-r', join(__dirname, 'support/loaded-modules.js'), join(DIST, 'cli.js'), ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env, LOADED_MODULES_OUT: out },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const loaded = JSON.parse(readFileSync(out, 'utf8')) as string[];
  return { ...r, loaded };
}

const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
const packages = (files: string[]) => new Set(files.map(packageOf).filter(Boolean));
const ownModules = (files: string[]) =>
  files.filter((f) => f.startsWith(join(DIST, 'src'))).map((f) => f.slice(DIST.length + 5));

describe('CLI start-up: a command loads only what it needs', () => {
  it('should answer --help without loading Nest, TypeORM, validation, the database or spreadsheets', () => {
    const r = runCliLoaded(['--help'], {});
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('catalog');
    expect(r.stdout).toContain('ingest-logs');
    const loaded = packages(r.loaded);
    for (const heavy of [
      '@nestjs/core',
      '@nestjs/common',
      'typeorm',
      'class-validator',
      '@electric-sql/pglite',
      'pg',
      'exceljs',
      'bull',
      'cli-progress',
    ])
      expect({ heavy, loaded: loaded.has(heavy) }).toEqual({ heavy, loaded: false });
    // no service, module or entity of any domain: only the command definitions and their types
    expect(ownModules(r.loaded).filter((f) => /\.(service|module|entity)\.js$/.test(f))).toEqual(
      [],
    );
  });

  describe('on PostgreSQL', () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.drop());

    it('should boot only the catalog for `catalog --json`, and still answer in full', () => {
      const r = runCliLoaded(['catalog', '--json'], { DATABASE_URL: db.url, LOG_LEVEL: 'error' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const body = JSON.parse(r.stdout) as { tools: { id: string; policy: unknown }[] };
      expect(body.tools.length).toBeGreaterThanOrEqual(200);
      const modules = ownModules(r.loaded).filter((f) => f.endsWith('.module.js'));
      expect(modules).toContain('catalog/catalog.module.js');
      for (const other of ['reports', 'findings', 'surveys', 'demo', 'signals', 'web', 'jobs'])
        expect(modules.filter((m) => m.startsWith(`${other}/`))).toEqual([]);
    });

    it('should boot no domain at all for `token list`', () => {
      const r = runCliLoaded(['token', 'list', '--json'], {
        DATABASE_URL: db.url,
        LOG_LEVEL: 'error',
      });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ tokens: [] });
      const modules = ownModules(r.loaded).filter((f) => f.endsWith('.module.js'));
      expect(modules.filter((m) => !/^(auth|config|database|cli)\//.test(m))).toEqual([]);
    });
  });
});
