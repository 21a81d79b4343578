import type { INestApplicationContext, Type } from '@nestjs/common';
import type { Command } from 'commander';
import type { AppConfig } from '../config/app-config';
import type { JobCounts } from '../jobs/job.types';

export interface ProgressBar {
  update(percent: number, counts?: JobCounts): void;
  stop(): void;
}

/** What every command gets: the app on demand, output helpers and a progress bar. */
export class CliContext {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly err: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Validated configuration; loaded on first use (class-validator is not cheap to load). */
  async config(): Promise<AppConfig> {
    const { AppConfig } = await import('../config/app-config');
    return AppConfig.fromEnv(this.env);
  }

  /** A fact the last process to close the embedded database left about it; none on PostgreSQL. */
  async closedStoreFact<T>(name: string): Promise<T | undefined> {
    const { embeddedDataDir, readClosedStoreFact } = await import('../database/closed-store-facts');
    const dir = embeddedDataDir(this.env);
    return dir ? readClosedStoreFact<T>(dir, name) : undefined;
  }

  /**
   * Boots the module graph (migrations included), runs fn, and always closes it. `slice` names
   * the only domain modules the command calls (loaded on demand); without it, all of them.
   */
  async withApp<T>(
    fn: (app: INestApplicationContext) => Promise<T>,
    slice?: () => Promise<Type[]>,
  ): Promise<T> {
    const config = await this.config();
    const { checkDatabase } = await import('../database/database-preflight');
    await checkDatabase(config);
    // Loaded here, not at the top: --help and commands that need no database must not pay for
    // the whole module graph (seconds of start-up).
    const { NestFactory } = await import('@nestjs/core');
    const root = slice
      ? (await import('./cli-slice.module')).CliSliceModule.forRoot(config, await slice())
      : (await import('../app.module')).AppModule.forRoot({ role: 'cli', config });
    const app = await NestFactory.createApplicationContext(root, {
      logger:
        config.logLevel === 'debug' || config.logLevel === 'verbose'
          ? ['error', 'warn', 'log', 'debug']
          : ['error'],
      abortOnError: false,
    });
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  }

  /** JSON for scripts, or the text renderer for people. */
  print<T>(json: boolean, value: T, text: (v: T) => string): void {
    this.out.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text(value)}\n`);
  }

  /** A warning on stderr: it never mixes into --json output. */
  warn(message: string): void {
    this.err.write(`ai-census: warning: ${message}\n`);
  }

  /** A bar on stderr, drawn only on a terminal, so --json output stays clean. */
  progressBar(label: string): ProgressBar {
    if (!this.err.isTTY) return { update: () => undefined, stop: () => undefined };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on a terminal
    const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {counts}`,
      stream: this.err,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(100, 0, { counts: '' });
    return {
      update: (percent, counts) =>
        bar.update(percent, {
          counts: counts
            ? Object.entries(counts)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')
            : '',
        }),
      stop: () => bar.stop(),
    };
  }
}

export interface CliCommand {
  register(program: Command, ctx: CliContext): void;
}
