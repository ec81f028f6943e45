// Structured JSON logs (pino); secrets are redacted before anything is written.
import pino, { type Logger } from 'pino';

export type { Logger };

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.secret',
  'variables.password',
  'variables.refreshToken',
  'variables.input.password',
];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  // the one variable read before any configuration is validated: say which one is wrong, as config errors do
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`Invalid configuration:\n  - LOG_LEVEL: invalid (one of ${LOG_LEVELS.join(', ')}; got "${level.slice(0, 40)}")`);
  }
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}
