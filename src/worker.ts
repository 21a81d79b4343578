#!/usr/bin/env node
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { nestLogLevels } from './bootstrap/http-app';
import { AppConfig } from './config/app-config';
import { checkDatabase } from './database/database-preflight';
import { startMetricsServer } from './bootstrap/metrics-server';

/** Queue processors only: as many of these as the load needs, on as many machines, sharing Redis and PostgreSQL. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  if (!config.redisUrl || !config.databaseUrl) {
    throw new Error(
      'A separate worker needs REDIS_URL and DATABASE_URL. Without them (the embedded default) the API process runs jobs itself.',
    );
  }
  await checkDatabase(config);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ role: 'worker', config }),
    {
      logger: nestLogLevels(config),
    },
  );
  app.enableShutdownHooks();
  if (config.metricsPort) await startMetricsServer(config.metricsPort, config.host);
  // Always printed, whatever LOG_LEVEL: supervisors and tests wait for this line.
  process.stdout.write(`ai-census worker ${process.pid} ready: ${config.describe()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ai-census worker: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
