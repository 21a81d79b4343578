import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../../auth/role';
import type { ConsoleSessionContext } from '../session/console-session.service';

export const CONSOLE_ROUTE_KEY = 'aic:console';

export interface ConsoleRouteOptions {
  /** who may call it; empty for a page open without a session (sign-in, assets) */
  roles: readonly Role[];
  /** the sign-in form proves its origin with its own cookie, not the session's token */
  ownCsrf?: boolean;
}

/** What a console handler returns to have a template rendered inside the layout. */
export interface ConsolePageResult {
  kind: 'console-page';
  /** path of the .hbs file under src/web, without the extension: `findings/findings-list` */
  template: string;
  title: string;
  data: Record<string, unknown>;
  status?: number;
}

/** What a form handler returns: a 303 to a page of the console, with a message for it. */
export interface ConsoleRedirect {
  kind: 'console-redirect';
  to: string;
  flash?: string;
}

export function page(
  template: string,
  title: string,
  data: Record<string, unknown> = {},
  status?: number,
): ConsolePageResult {
  return { kind: 'console-page', template, title, data, status };
}

export function redirectTo(to: string, flash?: string): ConsoleRedirect {
  return { kind: 'console-redirect', to, flash };
}

/** A path inside this console (no scheme, no `//host`), or the fallback. */
export function localPath(to: unknown, fallback = '/'): string {
  return typeof to === 'string' && /^\/(?![/\\])/.test(to) && !/[\r\n]/.test(to) ? to : fallback;
}

export type ConsoleRequest = Request & { consoleSession?: ConsoleSessionContext };

/** The signed-in session of a console route (its guard has made sure there is one). */
export const SignedIn = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ConsoleSessionContext => {
    const session = ctx.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
    if (!session) throw new Error('@SignedIn() on a route without a console session');
    return session;
  },
);
