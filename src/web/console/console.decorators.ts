import {
  applyDecorators,
  SetMetadata,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Role } from '../../auth/role';
import { Public, Roles } from '../../auth/roles.decorator';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsoleGuard } from './console.guard';
import { ConsolePageInterceptor } from './console-page.interceptor';
import { CONSOLE_ROUTE_KEY, type ConsoleRouteOptions } from './page';

const consoleRoute = (opts: ConsoleRouteOptions) =>
  applyDecorators(
    // The API's bearer guard stands aside; ConsoleGuard checks the session and roles instead.
    Public(),
    Roles(...opts.roles),
    SetMetadata(CONSOLE_ROUTE_KEY, opts),
    UseGuards(ConsoleGuard),
    UseFilters(ConsoleErrorFilter),
    UseInterceptors(ConsolePageInterceptor),
    ApiExcludeEndpoint(),
  );

/**
 * A console page or form handler open to `roles` only: it needs a live session cookie (401 shows
 * the sign-in form), one of the roles (403 page naming them) and, on any method but GET/HEAD, the
 * session's CSRF token (403). Put it on each handler.
 */
export const ConsolePage = (...roles: Role[]) => consoleRoute({ roles });

/** A console route open without a session (sign-in, sign-out, assets): same headers and pages. */
export const ConsolePublic = (opts: { ownCsrf?: boolean } = {}) =>
  consoleRoute({ roles: [], ...opts });
