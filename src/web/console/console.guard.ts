import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { ConsoleSessionService } from '../session/console-session.service';
import { parseCookies, SESSION_COOKIE } from '../session/cookies';
import { CONSOLE_ROUTE_KEY, type ConsoleRequest, type ConsoleRouteOptions } from './page';
import { setConsoleHeaders } from './security-headers';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The field of every console form, and the header a page script sends it in. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Session, role and CSRF checks of every console route; the server decides, never the page. */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    setConsoleHeaders(ctx.switchToHttp().getResponse<Response>());
    const opts = this.reflector.getAllAndOverride<ConsoleRouteOptions | undefined>(
      CONSOLE_ROUTE_KEY,
      [ctx.getHandler(), ctx.getClass()],
    );
    if (!opts) throw new Error('ConsoleGuard on a route without @ConsolePage/@ConsolePublic');

    const session = await this.sessions.resolve(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    if (session) req.consoleSession = session;

    if (opts.roles.length > 0) {
      if (!session) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in to open this page.');
      if (!opts.roles.includes(session.actor.role))
        throw new DomainError(
          ErrorCode.Forbidden,
          `This page needs the role ${describeRoles(opts.roles)}; you are signed in as ${session.actor.role}.`,
          { roles: [...opts.roles] },
        );
    }
    if (session && !SAFE_METHODS.has(req.method) && !opts.ownCsrf)
      this.checkCsrf(req, session.csrfToken);
    return true;
  }

  /** Synchronizer token: a form field, the X-CSRF-Token header, or `?_csrf=` (multipart forms). */
  private checkCsrf(req: ConsoleRequest, expected: string): void {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const query = req.query as Record<string, unknown>;
    const given = body[CSRF_FIELD] ?? req.headers[CSRF_HEADER] ?? query[CSRF_FIELD];
    if (typeof given !== 'string' || !sameSecret(given, expected))
      throw new DomainError(
        ErrorCode.Forbidden,
        'This form did not come from your current console session (it may have expired). Reload the page and try again.',
        { csrf: true },
      );
    // Checked; form DTOs then need not declare it.
    if (req.body && typeof req.body === 'object') delete body[CSRF_FIELD];
  }
}

export function describeRoles(roles: readonly string[]): string {
  if (roles.length <= 1) return roles.join('');
  return `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}
