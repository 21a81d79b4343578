import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignInController } from './auth-pages/sign-in.controller';
import { ConsoleErrorFilter } from './console/console-error.filter';
import { ConsoleGuard } from './console/console.guard';
import { ConsolePageInterceptor } from './console/console-page.interceptor';
import { JobProgressController } from './jobs/job-progress.controller';
import { AssetsController } from './render/assets.controller';
import { ConsoleRenderer } from './render/console-renderer.service';
import { ConsoleSessionEntity } from './session/console-session.entity';
import { ConsoleSessionRepository } from './session/console-session.repository';
import { ConsoleSessionService } from './session/console-session.service';

/** The web console (see src/web/README.md): pages served by the API process. */
@Module({
  imports: [TypeOrmModule.forFeature([ConsoleSessionEntity])],
  controllers: [AssetsController, SignInController, JobProgressController],
  providers: [
    ConsoleSessionRepository,
    ConsoleSessionService,
    ConsoleRenderer,
    ConsoleGuard,
    ConsoleErrorFilter,
    ConsolePageInterceptor,
  ],
  exports: [
    ConsoleSessionService,
    ConsoleRenderer,
    ConsoleGuard,
    ConsoleErrorFilter,
    ConsolePageInterceptor,
  ],
})
export class WebModule {}
