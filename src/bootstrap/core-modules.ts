import type { DynamicModule, Type } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';

/**
 * What every module graph stands on: configuration, the database, auth and audit. Jobs are
 * added by the graphs that run them: the job runner checks that every job's processor is loaded.
 */
export function coreModules(config: AppConfig): (DynamicModule | Type)[] {
  return [ConfigModule.forRoot(config), DatabaseModule, AuthModule];
}
