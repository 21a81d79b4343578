import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/database.module';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';

/** Proves the chosen PGlite integration keeps PostgreSQL's transaction guarantees. */
describe(EmbeddedPostgres.name, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-pglite-'));
  const sut = new EmbeddedPostgres(dataDir);
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource(
      await buildDataSourceOptions(AppConfig.fromEnv({ AI_CENSUS_DATA_DIR: dataDir }), sut),
    ).initialize();
    await runMigrations(ds);
    await ds.query('CREATE TABLE probe (id int PRIMARY KEY, note text)');
  }, 120_000);
  afterAll(async () => {
    await ds.destroy();
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should apply every migration when started empty', async () => {
    const rows: { name: string }[] = await ds.query('SELECT name FROM schema_migrations');
    expect(rows.map((r) => r.name)).toContain('Spine1764000000000');
  });

  it('should roll back a failed transaction even while another one runs beside it', async () => {
    const failing = ds.transaction(async (m) => {
      await m.query(`INSERT INTO probe VALUES (1, 'from the failing transaction')`);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('boom');
    });
    const succeeding = ds.transaction(async (m) => {
      await m.query(`INSERT INTO probe VALUES (2, 'from the succeeding transaction')`);
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(succeeding).resolves.toBeUndefined();
    const rows: { id: number }[] = await ds.query('SELECT id FROM probe ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([2]);
  });

  it('should refuse a second process on the same data directory with a message naming the holder', async () => {
    const fake = path.join(dataDir, 'pglite.lock');
    expect(fs.readFileSync(fake, 'utf8')).toBe(String(process.pid));
    const other = new EmbeddedPostgres(dataDir);
    // Same pid holds it here, so simulate another live holder: pid 1 always exists.
    fs.writeFileSync(fake, '1');
    await expect(other.start()).rejects.toThrow(/is in use by process 1/);
    fs.writeFileSync(fake, String(process.pid));
  });
});
