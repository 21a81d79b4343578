import { Module } from '@nestjs/common';
import { AdminPagesModule } from './admin/admin-pages.module';
import { AgentsPagesModule } from './agents/agents-pages.module';
import { SignInController } from './auth-pages/sign-in.controller';
import { CoeConsoleModule } from './coe/coe-console.module';
import { ConsoleCoreModule } from './console/console-core.module';
import { FindingsPagesModule } from './findings/findings-pages.module';
import { JobProgressController } from './jobs/job-progress.controller';
import { ReportPagesModule } from './reports/report-pages.module';
import { AssetsController } from './render/assets.controller';

/**
 * The web console (see src/web/README.md): pages served by the API process. Each group of pages
 * is a module that imports ConsoleCoreModule and is listed here.
 */
@Module({
  imports: [
    ConsoleCoreModule,
    FindingsPagesModule,
    ReportPagesModule,
    AdminPagesModule,
    CoeConsoleModule,
    AgentsPagesModule,
  ],
  controllers: [AssetsController, SignInController, JobProgressController],
})
export class WebModule {}
