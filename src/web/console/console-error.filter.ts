import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { issueLoginCsrf } from '../session/login-csrf';
import { DomainErrorFilter, httpStatusFor } from '../../common/domain-error.filter';
import { ConsoleRenderer } from '../render/console-renderer.service';
import { page, type ConsoleRequest } from './page';
import { setConsoleHeaders } from './security-headers';

/**
 * Errors on console routes as pages: 401 shows the sign-in form (then returns to the page), 403
 * says which role is needed, others say what went wrong. The console's JSON routes answer JSON.
 */
@Catch()
@Injectable()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');
  private readonly json = new DomainErrorFilter();

  constructor(
    private readonly renderer: ConsoleRenderer,
    private readonly config: AppConfig,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    setConsoleHeaders(res);
    if (req.path.startsWith('/console/api/')) return this.json.catch(error, host);

    const { status, message, details } = describe(error);
    if (status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const result =
      status === 401
        ? page(
            'auth-pages/login',
            'Sign in',
            {
              next: req.method === 'GET' ? req.originalUrl : '/',
              error: req.consoleSession ? null : message,
              loginCsrf: issueLoginCsrf(req, res, this.config),
            },
            401,
          )
        : page(
            'console/error-page',
            errorTitle(status),
            {
              status,
              message,
              roles: details?.roles,
              csrf: details?.csrf === true,
            },
            status,
          );
    try {
      res
        .status(status)
        .type('html')
        .send(await this.renderer.render(req, result));
    } catch (e) {
      this.logger.error(`error page failed: ${(e as Error).message}`);
      res.status(status).type('text').send(message);
    }
  }
}

function describe(error: unknown): {
  status: number;
  message: string;
  details?: Record<string, unknown>;
} {
  if (error instanceof DomainError)
    return { status: httpStatusFor(error.code), message: error.message, details: error.details };
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const m =
      typeof body === 'object' && body && 'message' in body
        ? (body as { message: string | string[] }).message
        : error.message;
    return { status: error.getStatus(), message: Array.isArray(m) ? m.join('; ') : m };
  }
  return { status: 500, message: 'Something went wrong on the server; the log says what.' };
}

function errorTitle(status: number): string {
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 400) return 'Cannot do that';
  if (status === 409) return 'Conflict';
  if (status === 413) return 'Too large';
  return 'Error';
}
