// Facts about the embedded database that hold only while no process has it open: a process that
// closes it cleanly may write some (what it saw just before closing), and every process that opens
// it removes them all first, so a fact found on disk was true when the store was last closed and
// nothing can have changed it since. The CLI reads them to answer without starting the database.
// Light on purpose (node:fs only): commands that need no database import it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** AI_CENSUS_DATA_DIR when unset (config/env.schema.ts uses the same). */
export const DEFAULT_DATA_DIR = './data';

const FACTS_DIR = 'closed-store-facts';

/** The data folder of the embedded database for this environment, or null on PostgreSQL. */
export function embeddedDataDir(env: NodeJS.ProcessEnv): string | null {
  if (env.DATABASE_URL) return null;
  const dir = env.AI_CENSUS_DATA_DIR ?? DEFAULT_DATA_DIR;
  return dir ? path.resolve(dir) : null;
}

export function readClosedStoreFact<T>(dataDir: string, name: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, FACTS_DIR, `${name}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a rename), so a reader never sees half a fact. */
export function writeClosedStoreFact(dataDir: string, name: string, value: unknown): void {
  const dir = path.join(dataDir, FACTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, path.join(dir, `${name}.json`));
}

/** Called by whoever opens the store, before anything can change it. */
export function forgetClosedStoreFacts(dataDir: string): void {
  fs.rmSync(path.join(dataDir, FACTS_DIR), { recursive: true, force: true });
}
