import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

interface Case {
  env: { NODE_ENV?: string; LOG_FORMAT?: string };
  terminal: boolean;
}

/**
 * Each case's log line as a service writes it: to the process's real stdout (a pipe, or a terminal where the case says
 * so), one child process for all the cases (the logger reads the environment when it is created).
 */
function logLines(cases: Case[]): { status: number | null; lines: string[]; stderr: string } {
  const script = `const { createLogger } = require(${JSON.stringify(resolve(__dirname, 'logger.ts'))});
    for (const { env, terminal } of ${JSON.stringify(cases)}) {
      delete process.env.NODE_ENV;
      delete process.env.LOG_FORMAT;
      Object.assign(process.env, env);
      Object.defineProperty(process.stdout, 'isTTY', { value: terminal, configurable: true });
      createLogger('users').info({ port: 4001, req: { headers: { authorization: 'Bearer secret-token' } } }, 'users subgraph ready');
    }`;
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
  // eslint-disable-next-line no-control-regex
  const lines = run.stdout
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter(Boolean);
  return { status: run.status, lines, stderr: run.stderr };
}

const prettyLine = /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[users\] users subgraph ready \{.*"port":4001.*\}$/;
const json = { level: 'info', service: 'users', port: 4001, msg: 'users subgraph ready' };

describe('createLogger output', () => {
  it('is readable (pino-pretty) on a terminal outside production or with LOG_FORMAT=pretty, JSON everywhere else; always redacted', () => {
    const { status, lines } = logLines([
      { env: {}, terminal: false }, // pipes, files, containers, tests
      { env: {}, terminal: true }, // npm start, npm run dev
      { env: { NODE_ENV: 'development', LOG_FORMAT: 'pretty' }, terminal: false },
      { env: { LOG_FORMAT: 'json' }, terminal: true },
      { env: { NODE_ENV: 'production' }, terminal: true },
      { env: { NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, terminal: false },
    ]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(6);
    const [piped, terminal, asked, jsonAsked, production, productionAsked] = lines;
    for (const line of [piped, jsonAsked, production, productionAsked]) expect(JSON.parse(line)).toMatchObject(json);
    for (const line of [terminal, asked]) expect(line).toMatch(prettyLine);
    for (const line of lines) {
      expect(line).toContain('[redacted]');
      expect(line).not.toContain('secret-token');
    }
  });

  it('refuses an unknown LOG_FORMAT, naming the variable', () => {
    const run = logLines([{ env: { LOG_FORMAT: 'xml' }, terminal: false }]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('LOG_FORMAT: invalid (one of json, pretty; got "xml")');
  });
});
