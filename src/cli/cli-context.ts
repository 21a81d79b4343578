import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { checkDatabase } from '../database/database-preflight';
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

  config(): AppConfig {
    return AppConfig.fromEnv(this.env);
  }

  /** Boots the module graph (migrations included), runs fn, and always closes it. */
  async withApp<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
    const config = this.config();
    await checkDatabase(config);
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ role: 'cli', config }),
      {
        logger:
          config.logLevel === 'debug' || config.logLevel === 'verbose'
            ? ['error', 'warn', 'log', 'debug']
            : ['error'],
        abortOnError: false,
      },
    );
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
