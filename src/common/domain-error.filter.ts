import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.InvalidInput:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.TooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    // the vendor, not the caller, refused: a gateway error that says why
    case ErrorCode.ConnectorUnauthorized:
    case ErrorCode.ConnectorForbidden:
    case ErrorCode.ConnectorUnavailable:
      return HttpStatus.BAD_GATEWAY;
    case ErrorCode.ConnectorRateLimited:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

/** One place that turns errors into HTTP answers: domain codes, Nest's own, and the unexpected. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof DomainError) {
      res.status(httpStatusFor(error.code)).json({
        statusCode: httpStatusFor(error.code),
        error: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message =
        typeof body === 'object' && body && 'message' in body
          ? (body as { message: string | string[] }).message
          : error.message;
      res.status(status).json({
        statusCode: status,
        error: errorNameFor(status),
        message: Array.isArray(message) ? message.join('; ') : message,
      });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    res
      .status(500)
      .json({ statusCode: 500, error: 'internal', message: 'Internal error; see the server log' });
  }
}

function errorNameFor(status: number): string {
  if (status === 400) return ErrorCode.InvalidInput;
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 413) return ErrorCode.TooLarge;
  return 'http-error';
}
