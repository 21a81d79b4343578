import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

type Params = unknown[] | Record<string, unknown> | undefined;

/**
 * TypeORM's statements at LOG_LEVEL=verbose, never their values: values carry answers, link ids
 * and token hashes, and one log line holding both an invitation id and an anonymous answer
 * would undo the survey's anonymity.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new Logger('SQL');

  constructor(private readonly verbose: boolean) {}

  logQuery(query: string, parameters?: Params): void {
    if (this.verbose) this.logger.verbose(describe(query, parameters));
  }

  logQueryError(error: string | Error, query: string, parameters?: Params): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`${message} in ${describe(query, parameters)}`);
  }

  logQuerySlow(time: number, query: string, parameters?: Params): void {
    this.logger.warn(`slow query (${time} ms): ${describe(query, parameters)}`);
  }

  logSchemaBuild(message: string): void {
    if (this.verbose) this.logger.verbose(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.verbose) this.logger.verbose(String(message));
  }
}

function describe(query: string, parameters: Params): string {
  const n = Array.isArray(parameters)
    ? parameters.length
    : parameters
      ? Object.keys(parameters).length
      : 0;
  const sql = query.replace(/\s+/g, ' ').trim();
  return n > 0 ? `${sql} -- ${n} value(s), not logged` : sql;
}
