import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  describe('on the embedded default', () => {
    let dataDir: string;
    let env: Record<string, string>;
    const catalog = () => runCliLoaded(['catalog', '--json'], env);
    const statusOf = (stdout: string, id: string) =>
      (JSON.parse(stdout) as { tools: { id: string; policy: { status: string } }[] }).tools.find(
        (t) => t.id === id,
      )?.policy.status;
    const startsDatabase = (loaded: string[]) => packages(loaded).has('@electric-sql/pglite');
    // a copy of the store as the first `catalog` closed it: a later test starts from it instead
    // of paying for another first start (a new embedded database) of its own
    let closedByCatalog: string | undefined;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'aic-embedded-catalog-'));
      env = { AI_CENSUS_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    });
    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true });
      if (closedByCatalog) rmSync(closedByCatalog, { recursive: true, force: true });
    });

    it('should answer `catalog --json` from the built-in files once the store is known to add nothing', () => {
      const first = catalog();
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(startsDatabase(first.loaded)).toBe(true);
      closedByCatalog = mkdtempSync(join(tmpdir(), 'aic-embedded-closed-'));
      cpSync(dataDir, closedByCatalog, { recursive: true });
      const again = catalog();
      expect(again.stderr).toBe('');
      expect(again.stdout).toBe(first.stdout);
      const loaded = packages(again.loaded);
      for (const heavy of ['@electric-sql/pglite', '@nestjs/core', 'typeorm', 'pg'])
        expect({ heavy, loaded: loaded.has(heavy) }).toEqual({ heavy, loaded: false });
      const one = runCliLoaded(['catalog', '--tool', 'cursor', '--json'], env);
      expect(startsDatabase(one.loaded)).toBe(false);
      expect(JSON.parse(one.stdout)).toEqual(
        (JSON.parse(first.stdout) as { tools: { id: string }[] }).tools.find(
          (t) => t.id === 'cursor',
        ),
      );
    });

    it("should read the store again once a policy is set, and show the organisation's policy", () => {
      const file = join(dataDir, 'policy.yaml');
      writeFileSync(file, 'version: 1\npolicies:\n  cursor:\n    status: tolerated\n');
      expect(runCliLoaded(['catalog', 'policy-import', file, '--json'], env).status).toBe(0);
      const r = catalog();
      expect(r.status).toBe(0);
      expect(startsDatabase(r.loaded)).toBe(true);
      expect(statusOf(r.stdout, 'cursor')).toBe('tolerated');
      // still known to add something: the next run reads the store as well
      expect(startsDatabase(catalog().loaded)).toBe(true);
    });

    it('should show a custom tool added to the store by any process, whatever it loaded', () => {
      const script = `
        require('reflect-metadata');
        const dist = ${JSON.stringify(join(DIST, 'src'))};
        const { CliContext } = require(dist + '/cli/cli-context');
        const { catalogSlice } = require(dist + '/cli/lazy-services');
        const { CustomToolService } = require(dist + '/catalog/custom-tool.service');
        const { LOCAL_OPERATOR } = require(dist + '/auth/role');
        new CliContext(process.env).withApp((app) => app.get(CustomToolService).create({
          id: 'acme-llm-gateway', name: 'ACME LLM Gateway', vendor: 'ACME internal',
          category: 'llm-api', rules: { domains: ['llm.acme.example'] },
        }, LOCAL_OPERATOR), catalogSlice).then(() => process.exit(0));`;
      const added = spawnSync(process.execPath, ['-e', script], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      const r = catalog();
      expect(startsDatabase(r.loaded)).toBe(true);
      expect(statusOf(r.stdout, 'acme-llm-gateway')).toBe('unreviewed');
    });

    it('should not trust what a process that opened the store without the catalog left behind', () => {
      const fresh = mkdtempSync(join(tmpdir(), 'aic-embedded-token-'));
      const freshEnv = { AI_CENSUS_DATA_DIR: fresh, LOG_LEVEL: 'error' };
      if (closedByCatalog) cpSync(closedByCatalog, fresh, { recursive: true });
      try {
        // on the copy it answers from the files; alone (-t) it is the store's first start
        expect(runCliLoaded(['catalog', '--json'], freshEnv).status).toBe(0);
        expect(runCliLoaded(['token', 'list', '--json'], freshEnv).status).toBe(0);
        expect(startsDatabase(runCliLoaded(['catalog', '--json'], freshEnv).loaded)).toBe(true);
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    });
  });
});
