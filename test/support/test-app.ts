import type { INestApplication, LogLevel } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ALL_ROLES, LOCAL_OPERATOR, Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/token.service';
import { createHttpApp } from '../../src/bootstrap/http-app';
import { AppConfig } from '../../src/config/app-config';
import type { CorrelationSources } from '../../src/findings/correlation/correlation-sources';
import { createTestDatabase } from './test-db';
import { TEST_REDIS_URL } from './test-env';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  tokens: Record<Role, string>;
  dataSource: DataSource;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real HTTP application on a fresh PostgreSQL database; with `redis`, jobs go through Bull
 * under a key prefix of its own (and need a worker), else through the in-process runner.
 */
export async function createTestApp(
  opts: {
    redis?: boolean;
    env?: Record<string, string>;
    /** a fixed organisation in place of what the modules hold (see InMemoryCorrelationSources) */
    correlationSources?: CorrelationSources;
    /** Nest's log levels (default: errors only) */
    logger?: LogLevel[];
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-test-'));
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    AI_CENSUS_DATA_DIR: dataDir,
    REDIS_PREFIX: `aic-test-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'error',
    ...(opts.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...opts.env,
  };
  const config = AppConfig.fromEnv(env);
  const app = await createHttpApp(config, opts.logger ?? ['error'], {
    correlationSources: opts.correlationSources,
  });
  await app.init();
  const tokenService = app.get(TokenService);
  const tokens = {} as Record<Role, string>;
  for (const role of ALL_ROLES) {
    tokens[role] = (await tokenService.create(`test-${role}`, role, LOCAL_OPERATOR)).token;
  }
  return {
    app,
    http: request(app.getHttpServer()),
    tokens,
    dataSource: app.get(DataSource),
    env,
    async close() {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** Polls a job through the API until it leaves the queue, or fails the test on time-out. */
export async function waitForJob(
  t: TestApp,
  id: string,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http.get(`/api/jobs/${id}`).set(bearer(t.tokens.admin));
    if (res.status !== 200) throw new Error(`GET /api/jobs/${id} answered ${res.status}`);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    if (Date.now() > deadline)
      throw new Error(`job ${id} still ${res.body.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
