import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsoleRenderer } from '../render/console-renderer.service';
import { ConsoleSessionEntity } from '../session/console-session.entity';
import { ConsoleSessionRepository } from '../session/console-session.repository';
import { ConsoleSessionService } from '../session/console-session.service';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsolePageInterceptor } from './console-page.interceptor';
import { ConsoleGuard } from './console.guard';

/**
 * What every console page module imports: sessions, the renderer, and the guard, filter and
 * interceptor that @ConsolePage applies (they are resolved in the importing module).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConsoleSessionEntity])],
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
export class ConsoleCoreModule {}
