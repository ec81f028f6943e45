// The internal REST API one service offers the others (never through the gateway): the internal credential on every
// route, JSON bodies of bounded size, expected failures as JSON with their code, unknown routes 404, never a stack.
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import { requireInternalCredential } from '../auth/internal-credential';
import { AppError, ErrorCode } from '../errors';
import { isDependencyUnavailable } from '../dependency-errors';
import type { Logger } from '../logger';

const statusByCode: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.OUT_OF_STOCK]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Mounts `define`'s routes at `path` behind the credential; Express 5 passes rejected handlers to the error handler. */
export function mountInternalRouter(app: Express, path: string, internalToken: string, logger: Logger, define: (router: Router) => void): void {
  const router = express.Router();
  router.use(requireInternalCredential(internalToken), express.json({ limit: '64kb' }));
  define(router);
  router.use((_req, res) => {
    res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'No such internal route' });
  });
  router.use(internalErrorHandler(logger, path));
  app.use(path, router);
}

function internalErrorHandler(logger: Logger, path: string): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof AppError) {
      const { code, ...details } = err.extensions as { code: string };
      res.status(statusByCode[code] ?? 400).json({ code, message: err.message, ...details });
      return;
    }
    if (isDependencyUnavailable(err)) {
      // the database (or Redis) did not answer in time, or no connection was free: retryable, and said so
      logger.warn({ path, cause: (err as Error).message }, 'internal route: a dependency is unavailable');
      res.status(503).json({ code: ErrorCode.SERVICE_UNAVAILABLE, message: 'Busy or a dependency is unavailable; retry shortly' });
      return;
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status < 500) {
      // body-parser: malformed JSON (400), too large (413), unsupported charset (415)
      res.status(status).json({ code: 'BAD_REQUEST', message: err.type === 'entity.parse.failed' ? 'Body is not valid JSON' : err.message });
      return;
    }
    logger.error({ err, path }, 'internal route failed');
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  };
}
