import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, type ApiErrorCode, type ApiErrorData } from '../../shared/api/errors';

export const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  blocked: 422,
  internal: 500,
};

export function notFound(what: string, params: Record<string, unknown> = {}): ApiError {
  return new ApiError({ code: 'not_found', message: `${what} not found`, key: 'errors.notFound', params: { what, ...params } });
}

export function unauthorized(message: string, key: string): ApiError {
  return new ApiError({ code: 'unauthorized', message, key });
}

/** Fastify's own errors (body parsing, limits) → the one error shape every route answers. */
function fromFastify(err: FastifyError): { status: number; body: ApiErrorData } | undefined {
  const status = err.statusCode ?? 0;
  if (status === 413) {
    return {
      status,
      body: { code: 'invalid_input', message: 'request body too large', key: 'errors.bodyTooLarge', params: {} },
    };
  }
  if (status === 415) {
    return {
      status,
      body: {
        code: 'invalid_input',
        message: 'unsupported content type: send application/json',
        key: 'errors.unsupportedMediaType',
      },
    };
  }
  if (status === 400 && (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError || /JSON/i.test(err.message))) {
    return {
      status,
      body: {
        code: 'invalid_input',
        message: `malformed JSON body: ${err.message}`,
        key: 'errors.malformedJson',
        issues: [{ path: '(body)', code: 'invalid_json', message: err.message }],
      },
    };
  }
  if (status >= 400 && status < 500) {
    return { status, body: { code: 'invalid_input', message: err.message, key: 'errors.badRequest' } };
  }
  return undefined;
}

/**
 * What of an error reaches the log: drivers attach the failed query's parameters to their errors, and those
 * carry debtors' personal data (and can be megabytes long).
 */
export function loggable(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; detail?: unknown; constraint?: unknown };
  return { name: e.name, message: e.message, code: e.code, constraint: e.constraint, stack: e.stack };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      const status = STATUS[err.code];
      if (status >= 500) request.log.error({ err: loggable(err) }, 'request failed');
      return reply.status(status).send(err.toData());
    }
    const mapped = fromFastify(err);
    if (mapped) {
      request.log.info({ code: err.code, status: mapped.status }, mapped.body.message);
      return reply.status(mapped.status).send(mapped.body);
    }
    request.log.error({ err: loggable(err) }, 'unhandled error');
    const body: ApiErrorData = { code: 'internal', message: 'internal server error', key: 'errors.internal' };
    return reply.status(500).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiErrorData = {
      code: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      key: 'errors.unknownRoute',
      params: { method: request.method, path: request.url.split('?')[0] },
    };
    return reply.status(404).send(body);
  });
}
