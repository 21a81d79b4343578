import { Module } from '@nestjs/common';
import { SignInController } from './auth-pages/sign-in.controller';
import { ConsoleCoreModule } from './console/console-core.module';
import { JobProgressController } from './jobs/job-progress.controller';
import { AssetsController } from './render/assets.controller';

/**
 * The web console (see src/web/README.md): pages served by the API process. Each group of pages
 * is a module that imports ConsoleCoreModule and is listed here.
 */
@Module({
  imports: [ConsoleCoreModule],
  controllers: [AssetsController, SignInController, JobProgressController],
})
export class WebModule {}
