import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DomainError, ErrorCode } from '../common/domain-error';
import { forgetClosedStoreFacts } from './closed-store-facts';

/**
 * PGlite (Postgres compiled to WASM) behind its wire-protocol socket server, so the ordinary
 * `pg` driver — the same one production uses — talks to it. One connection only: PGlite is a
 * single session, and overlapping transactions on it would interfere.
 */
export class EmbeddedPostgres {
  private db?: PGlite;
  private server?: PGLiteSocketServer;
  private socketDir?: string;
  private lockFile?: string;

  constructor(private readonly dataDir: string) {}

  /** Starts the database and returns pg connection options. */
  async start(): Promise<{ host: string; port: number; username: string; database: string }> {
    const pgDir = path.join(this.dataDir, 'pglite');
    fs.mkdirSync(pgDir, { recursive: true });
    this.acquireLock();
    forgetClosedStoreFacts(this.dataDir);
    this.db = await PGlite.create({ dataDir: pgDir });
    // Unix socket in a short private directory: no port to collide, no path-length surprises.
    this.socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-pg-'));
    this.server = new PGLiteSocketServer({
      db: this.db,
      path: path.join(this.socketDir, '.s.PGSQL.5432'),
      maxConnections: 1,
    });
    await this.server.start();
    return { host: this.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
  }

  async stop(): Promise<void> {
    await this.server?.stop().catch(() => undefined);
    await this.db?.close().catch(() => undefined);
    if (this.socketDir) fs.rmSync(this.socketDir, { recursive: true, force: true });
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true });
    this.server = undefined;
    this.db = undefined;
  }

  /** PGlite's files may be opened by one process only; say who holds them instead of corrupting them. */
  private acquireLock(): void {
    const lock = path.join(this.dataDir, 'pglite.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
        this.lockFile = lock;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = Number(fs.readFileSync(lock, 'utf8').trim());
        if (holder && holder !== process.pid && isAlive(holder)) {
          throw new DomainError(
            ErrorCode.Unavailable,
            `The embedded database in ${this.dataDir} is in use by process ${holder}. ` +
              'Stop it, point AI_CENSUS_DATA_DIR elsewhere, or set DATABASE_URL to share a PostgreSQL server.',
          );
        }
        fs.rmSync(lock, { force: true }); // stale lock from a process that died
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
