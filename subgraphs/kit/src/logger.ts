// Structured JSON logs (pino); secrets are redacted before anything is written. On a developer's terminal the same lines
// are shown through pino-pretty instead (LOG_FORMAT): production always writes JSON.
import pino, { type DestinationStream, type Logger } from 'pino';

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

export const LOG_FORMATS = ['json', 'pretty'] as const;

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  // the variables read before any configuration is validated: say which one is wrong, as config errors do
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`Invalid configuration:\n  - LOG_LEVEL: invalid (one of ${LOG_LEVELS.join(', ')}; got "${level.slice(0, 40)}")`);
  }
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  const pretty = prettyDestination(process.env);
  return pretty ? pino(options, pretty) : pino(options);
}

/**
 * LOG_FORMAT=pretty: the log lines made readable by pino-pretty (time, level, [service] message, then the fields),
 * written synchronously to stdout. The default on a terminal outside production (`npm start`, `npm run dev`); JSON
 * otherwise (pipes, files, containers, tests) and always in production. pino-pretty is a development dependency: where
 * it is not installed (the production image) the lines stay JSON.
 */
function prettyDestination(env: NodeJS.ProcessEnv): DestinationStream | undefined {
  const format = env.LOG_FORMAT || (process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  if (!(LOG_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`Invalid configuration:\n  - LOG_FORMAT: invalid (one of ${LOG_FORMATS.join(', ')}; got "${format.slice(0, 40)}")`);
  }
  if (format !== 'pretty' || env.NODE_ENV === 'production') return undefined;
  let prettyModule: typeof import('pino-pretty');
  try {
    prettyModule = require('pino-pretty') as typeof import('pino-pretty');
  } catch {
    return undefined;
  }
  return prettyModule.build({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    messageFormat: '{if service}[{service}] {end}{msg}',
  });
}
