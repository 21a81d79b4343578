import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';

// Any constant works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK = 417_243_117;

/** Runs pending migrations under an advisory lock, so an API and workers starting together do not race. */
export async function runMigrations(
  dataSource: DataSource,
  logger?: LoggerService,
): Promise<string[]> {
  const poolSize = (dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10;
  if (poolSize <= 1) return names(await dataSource.runMigrations({ transaction: 'each' }), logger); // embedded: one process
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return names(await dataSource.runMigrations({ transaction: 'each' }), logger);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

function names(applied: { name: string }[], logger?: LoggerService): string[] {
  if (applied.length > 0)
    logger?.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  return applied.map((m) => m.name);
}
