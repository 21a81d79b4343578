import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { pgUrlFor, TEST_PG_ADMIN_URL, templateDatabaseName } from './test-env';

/** Builds (once per migration set) the migrated template every test database is cloned from. */
export default async function globalSetup(): Promise<void> {
  const name = templateDatabaseName();
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(41724)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}_building`).catch(async () => {
        await admin.query(`DROP DATABASE ${name}_building WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}_building`);
      });
      const ds = new DataSource({
        type: 'postgres',
        url: pgUrlFor(`${name}_building`),
        migrations: ALL_MIGRATIONS,
        migrationsTableName: 'schema_migrations',
      });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
      await admin.query(`ALTER DATABASE ${name}_building RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(41724)').catch(() => undefined);
    await admin.end();
  }
}
