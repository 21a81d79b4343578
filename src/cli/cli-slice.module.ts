import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { coreModules } from '../bootstrap/core-modules';

/**
 * A CLI command's own module graph: the core and the domain modules it calls, nothing else, and
 * no job runner (a command that runs a job needs every processor, so it boots the whole graph).
 * Loading every module costs seconds; `catalog` or `token list` needs two of them.
 */
@Module({})
export class CliSliceModule {
  static forRoot(config: AppConfig, modules: Type[]): DynamicModule {
    return {
      module: CliSliceModule,
      imports: [...coreModules(config), ...modules],
    };
  }
}
