// The HTTP side every service shares (gateway and subgraphs): proxy trust, security headers, request ids, one log
// line per request, and JSON answers (never an HTML stack page) for anything refused before GraphQL runs.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from '../logger';
import { withTimeout } from '../timeout';

/** What the GraphQL layer adds to a request's log line (see request-log.plugin.ts). */
export interface RequestLogRecord {
  requestId: string;
  operationName?: string | null;
  errorCodes?: string[];
}

declare module 'express-serve-static-core' {
  interface Locals {
    requestLog: RequestLogRecord;
  }
}

/** A client's (or the gateway's) request id is kept only if it looks like one; anything else is replaced. */
const requestIdPattern = /^[\w.:-]{1,128}$/;

export function createHttpApp(options: { logger: Logger; trustProxy: string }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(options.trustProxy));
  app.use(
    helmet({
      contentSecurityPolicy: false, // set below: the IDE page and the JSON API need different ones
      strictTransportSecurity: false, // set below, only where TLS terminated
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use(securityPolicy);
  app.use(requestLog(options.logger));
  return app;
}

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; throws (or takes longer than the probe allows) when it does not. */
  check(): Promise<unknown>;
}

/**
 * `GET /health` (the process is alive) and `GET /ready` (every dependency answers within 2 s: 200, else 503 naming
 * each), the same on the gateway (its subgraphs) and every subgraph (its database and Redis).
 */
export function mountProbes(app: Express, service: string, checks: () => ReadinessCheck[], logger: Logger): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      checks().map(async ({ name, check }) => {
        try {
          await withTimeout(check(), 2000, name);
          return [name, 'ok'] as const;
        } catch (err) {
          logger.warn({ check: name, cause: (err as Error).message }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = results.length > 0 && results.every(([, state]) => state === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
}

/**
 * The HTTP server for an app. Requests Node refuses before Express sees them (headers or URL too large, malformed
 * request line) are answered in JSON like every other refusal, not with an empty body.
 */
export function createHttpServer(app: Express): http.Server {
  const server = http.createServer(app);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      errors: [{ message: tooLarge ? 'Request headers too large' : 'Bad request', extensions: { code: 'BAD_REQUEST' } }],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

/** Mounted after every route: unknown paths and body-parser refusals (bad JSON, too large, bad charset) as JSON. */
export function finishHttpApp(app: Express, logger: Logger): void {
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  const handler: ErrorRequestHandler = (err: { status?: number; statusCode?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) {
      logger.error({ err, requestId: res.locals.requestLog?.requestId }, 'request failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    res.status(status).json({ errors: [{ message: clientMessage(status, err.type), extensions: { code: 'BAD_REQUEST' } }] });
  };
  app.use(handler);
}

function clientMessage(status: number, type: string | undefined): string {
  if (status === 413) return 'Request body too large';
  if (type === 'entity.parse.failed') return 'Request body is not valid JSON';
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return 'Unsupported request encoding';
  return 'Bad request';
}

/**
 * JSON answers get a policy that allows nothing; an HTML page gets what a meta tag cannot say (Apollo Sandbox keeps
 * the policy Apollo writes into it, scripts by nonce; the gateway's GraphiQL page and files set their own). HSTS only where TLS terminated (directly or at a
 * trusted proxy): over plain HTTP a browser ignores it anyway.
 */
const securityPolicy: RequestHandler = (req, res, next) => {
  const page = req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
  res.setHeader(
    'content-security-policy',
    page ? "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'none'" : "default-src 'none'; frame-ancestors 'none'",
  );
  if (req.secure) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  next();
};

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    res.locals.requestLog = { requestId };
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    // 'close' comes for every request, answered or abandoned by the client ('finish' only for the answered)
    res.once('close', () => {
      const { operationName, errorCodes } = res.locals.requestLog;
      const line = {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0].slice(0, 200),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { abandoned: true }),
        ...(operationName !== undefined ? { operationName } : {}),
        ...(errorCodes?.length ? { errorCodes } : {}),
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/** Express "trust proxy": a hop count, a boolean, or addresses/subnets/names ("loopback, uniquelocal"). */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
