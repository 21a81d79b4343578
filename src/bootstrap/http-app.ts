import { INestApplication, LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { AppModule } from '../app.module';
import { DomainError, ErrorCode } from '../common/domain-error';
import { observeLatency } from './http-latency';
import { jsonNestingDepth } from '../common/json-depth';
import { DomainErrorFilter } from '../common/domain-error.filter';
import { AppConfig } from '../config/app-config';
import { LOG_LEVELS } from '../config/env.schema';

/** Deeper JSON than any route takes; past it validation would recurse until the stack runs out. */
export const MAX_JSON_DEPTH = 64;

export function nestLogLevels(config: AppConfig): LogLevel[] {
  const upTo = LOG_LEVELS.indexOf(config.logLevel);
  return LOG_LEVELS.slice(0, upTo + 1) as LogLevel[];
}

/** The HTTP application as main.ts serves it and the end-to-end tests drive it. */
export async function createHttpApp(
  config: AppConfig,
  logger: LogLevel[] | false = nestLogLevels(config),
  modules: Pick<Parameters<typeof AppModule.forRoot>[0], 'correlationSources'> = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ role: 'api', config, ...modules }),
    { logger, bodyParser: true },
  );
  // Registered before Nest's default JSON parser, which then stands aside; the limit stays 100 kB.
  app.use(
    json({
      verify: (_req, _res, raw) => {
        if (jsonNestingDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
          throw Object.assign(
            new DomainError(
              ErrorCode.InvalidInput,
              `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
            ),
            { status: 400 }, // body-parser answers 403 to a failed check unless told
          );
        }
      },
    }),
  );
  app.use(observeLatency);
  app.enableShutdownHooks();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
  app.useGlobalFilters(new DomainErrorFilter());
  const doc = new DocumentBuilder()
    .setTitle('AI Census')
    .setDescription(
      'Which AI tools an engineering organisation really uses, against its own policy.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
