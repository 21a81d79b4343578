import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './run-migrations';
import { SqlLogger } from './sql-logger';
import { TableRevisionEntity } from './entities/table-revision.entity';
import { TableRevisions } from './table-revisions.service';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

export async function buildDataSourceOptions(
  config: AppConfig,
  embedded: EmbeddedPostgres | null,
): Promise<DataSourceOptions> {
  const common = {
    type: 'postgres' as const,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: config.logLevel === 'verbose' ? ('all' as const) : (['error'] as ('error' | 'warn')[]),
    logger: new SqlLogger(config.logLevel === 'verbose'),
  };
  if (embedded) {
    const conn = await embedded.start();
    return { ...common, ...conn, extra: { max: 1 } };
  }
  return { ...common, url: config.databaseUrl, extra: { max: 10 } };
}

@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.embeddedDatabase ? new EmbeddedPostgres(config.dataDir) : null,
    },
  ],
  exports: [EMBEDDED_POSTGRES],
})
class EmbeddedPostgresModule {}

/** Stops the embedded server once TypeORM has closed its pool. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/** TypeORM on `pg`: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite. */
@Global()
@Module({
  imports: [
    EmbeddedPostgresModule,
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedPostgresModule],
      inject: [AppConfig, EMBEDDED_POSTGRES],
      useFactory: async (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
        ...(await buildDataSourceOptions(config, embedded)),
        autoLoadEntities: true,
        retryAttempts: 0,
        // start-up checks the database first (database-preflight.ts); no second, raw report here
        toRetry: () => false,
      }),
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        await runMigrations(ds, new Logger('Database'));
        return ds;
      },
    }),
    TypeOrmModule.forFeature([TableRevisionEntity]),
  ],
  providers: [DatabaseLifecycle, TableRevisions],
  exports: [TableRevisions],
})
export class DatabaseModule {}
