import { Module } from '@nestjs/common';
import { ConsoleRenderer } from '../render/console-renderer.service';
import { ConsoleSessionModule } from '../session/console-session.module';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsolePageInterceptor } from './console-page.interceptor';
import { ConsoleGuard } from './console.guard';

/**
 * What every console page module imports: sessions, the renderer, and the guard, filter and
 * interceptor that @ConsolePage applies (they are resolved in the importing module).
 */
@Module({
  imports: [ConsoleSessionModule],
  providers: [ConsoleRenderer, ConsoleGuard, ConsoleErrorFilter, ConsolePageInterceptor],
  exports: [
    ConsoleSessionModule,
    ConsoleRenderer,
    ConsoleGuard,
    ConsoleErrorFilter,
    ConsolePageInterceptor,
  ],
})
export class ConsoleCoreModule {}
