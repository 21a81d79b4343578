import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, mergeMap, Observable, of } from 'rxjs';
import { ConsoleRenderer } from '../render/console-renderer.service';
import { ConsoleSessionService } from '../session/console-session.service';
import {
  localPath,
  type ConsolePageResult,
  type ConsoleRedirect,
  type ConsoleRequest,
} from './page';

function isPage(v: unknown): v is ConsolePageResult {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'console-page';
}

function isRedirect(v: unknown): v is ConsoleRedirect {
  return (
    typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'console-redirect'
  );
}

/** Turns a handler's page() into HTML and its redirectTo() into a 303; anything else passes. */
@Injectable()
export class ConsolePageInterceptor implements NestInterceptor {
  constructor(
    private readonly renderer: ConsoleRenderer,
    private readonly sessions: ConsoleSessionService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((value) => {
        if (isPage(value)) return from(this.sendPage(req, res, value));
        if (isRedirect(value)) return from(this.sendRedirect(req, res, value));
        return of(value);
      }),
    );
  }

  private async sendPage(req: ConsoleRequest, res: Response, result: ConsolePageResult) {
    const html = await this.renderer.render(req, result);
    res
      .status(result.status ?? 200)
      .type('html')
      .send(html);
  }

  private async sendRedirect(req: ConsoleRequest, res: Response, result: ConsoleRedirect) {
    if (result.flash && req.consoleSession)
      await this.sessions.flash(req.consoleSession, result.flash);
    res.redirect(303, localPath(result.to));
  }
}
