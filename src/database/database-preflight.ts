import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

const CONNECT_TIMEOUT_MS = 5000;

export class DatabaseUnavailableError extends Error {}

/**
 * Connects once before the application starts, so a missing or unreachable database is one line
 * naming the problem, not a driver's stack trace. The URL is shown without user or password.
 */
export async function checkDatabase(config: AppConfig): Promise<void> {
  if (!config.databaseUrl) return; // the embedded database is started by the application itself
  const client = new Client({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot use the database of DATABASE_URL (${where(config.databaseUrl)}): ${reason(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'unparseable URL';
  }
}

/** What happened, in words, from the driver's error code (PostgreSQL SQLSTATE or Node's errno). */
export function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code ?? '') {
    case 'ECONNREFUSED':
      return 'connection refused: is PostgreSQL running and listening there?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host does not answer';
    case '3D000':
      return 'that database does not exist (create it, or fix the name in DATABASE_URL)';
    case '28P01':
    case '28000':
      return 'the server refused the user name or password';
    default:
      if (/timeout/i.test(e.message ?? ''))
        return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
      return (e.message ?? String(error)).split('\n')[0];
  }
}
