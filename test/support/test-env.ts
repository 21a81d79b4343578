import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The real services the tests use: PostgreSQL and Redis on this machine (CI starts them). */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function pgUrlFor(database: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template's name changes with the migrations, so a stale template is never reused. */
export function templateDatabaseName(): string {
  const dir = path.resolve(__dirname, '../../migrations');
  const hash = createHash('sha1');
  for (const f of fs.readdirSync(dir).sort())
    hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return `aic_tpl_${hash.digest('hex').slice(0, 12)}`;
}
