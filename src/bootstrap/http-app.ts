import { INestApplication, LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { DomainErrorFilter } from '../common/domain-error.filter';
import { AppConfig } from '../config/app-config';
import { LOG_LEVELS } from '../config/env.schema';

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
  const app = await NestFactory.create(AppModule.forRoot({ role: 'api', config, ...modules }), {
    logger,
    bodyParser: true,
  });
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
