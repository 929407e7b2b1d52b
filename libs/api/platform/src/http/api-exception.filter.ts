import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import type { ApiError } from '@ecoute/contracts';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
  expose?: boolean;
}

/**
 * Every error leaves the API as an ApiError. Bad input is a 4xx with a message naming what is wrong;
 * anything unexpected is a logged 500 that tells nothing of the internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError();
      if (zodError instanceof ZodError) return fromZod(zodError);
    }
    if (exception instanceof ZodError) return fromZod(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof response === 'object' && response !== null && 'message' in response
            ? [(response as { message: unknown }).message].flat().join('; ')
            : exception.message;
      const current = typeof response === 'object' && response !== null && 'currentVersion' in response ? (response as { currentVersion: unknown }).currentVersion : undefined;
      return { statusCode: status, error: HttpStatus[status] ?? 'Error', message, ...(typeof current === 'number' ? { currentVersion: current } : {}) };
    }
    const parserError = asBodyParserError(exception);
    if (parserError) return parserError;
    return { statusCode: 500, error: 'Internal Server Error', message: 'an unexpected error occurred' };
  }
}

function fromZod(error: ZodError): ApiError {
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '),
    details,
  };
}

function asBodyParserError(exception: unknown): ApiError | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as BodyParserError;
  const status = e.status ?? e.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const messages: Record<string, string> = {
    'entity.parse.failed': 'the request body is not valid JSON',
    'entity.too.large': 'the request body is too large',
    'encoding.unsupported': 'the request body encoding is not supported',
    'charset.unsupported': 'the request body charset is not supported',
  };
  const message = (e.type && messages[e.type]) ?? (e.expose && e.message ? e.message : 'the request is invalid');
  return { statusCode: status, error: HttpStatus[status] ?? 'Bad Request', message };
}
