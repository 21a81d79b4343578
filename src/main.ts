#!/usr/bin/env node
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { TokenService } from './auth/token.service';
import { LOCAL_OPERATOR } from './auth/role';
import { createHttpApp } from './bootstrap/http-app';
import { AppConfig, ConfigError } from './config/app-config';
import { checkDatabase } from './database/database-preflight';
import { startMetricsServer } from './bootstrap/metrics-server';

async function main(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  const logger = new Logger('AI Census');
  await checkDatabase(config);
  const app = await createHttpApp(config);
  await app.listen(config.port, config.host);
  if (config.metricsPort) await startMetricsServer(config.metricsPort, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  logger.log(`Using ${config.describe()}`);
  logger.log(`Listening on ${url} — API docs at ${url}/api/docs`);
  const bootstrap = await app
    .get(TokenService)
    .createBootstrapTokenIfNone({ ...LOCAL_OPERATOR, name: 'first-start' });
  if (bootstrap) {
    // Printed once, to the operator's terminal only; it is stored hashed and cannot be shown again.
    process.stdout.write(
      `\nFirst start: an admin API token was created. Keep it; it is not shown again:\n\n  ${bootstrap}\n\n` +
        `Try: curl -H "Authorization: Bearer ${bootstrap}" ${url}/api/me\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`ai-census: ${message}\n`);
  process.exit(1);
});
