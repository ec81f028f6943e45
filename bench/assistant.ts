// `npm run bench:assistant`: what the assistant costs beyond the model, through the gateway of `npm start` (PostgreSQL
// and Redis when DATABASE_URL and REDIS_URL are set, else the embedded default): "¿Hay camarón hoy?" answered
// offline (one search_products through the gateway, the question and reply stored), the same question answered by
// "Claude" (a local fake Messages API that answers at once: two streamed calls around one tool call), and the MCP
// server's search_products over Streamable HTTP. The limits are lifted for the run; each question starts a conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnMarket } from '../e2e/support/processes';
import { createDatabase, deleteRedisKeys, dropDatabase, uniqueName } from '../e2e/support/test-resources';
import { say, startFakeAnthropic, useTool } from '../e2e/support/fake-anthropic';
import { benchRequire, cpuSeconds, expectData, loginToken, runBenchmark, type LoadResult } from './support/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ASK = JSON.stringify({ query: 'mutation { askAssistant(message: "¿Hay camarón hoy?") { id content } }' });
const MCP_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'search_products', arguments: { query: 'camarón' } },
});

interface Autocannon {
  (options: Record<string, unknown>): Promise<{
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  }>;
}

async function main(): Promise<void> {
  const autocannon = benchRequire<Autocannon>('autocannon');
  const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  const fake = await startFakeAnthropic();
  // the fake "Claude": asks search_products for the question, then answers from the tool's result
  fake.script((call) => {
    const last = call.body.messages.at(-1)!;
    return typeof last.content === 'string'
      ? useTool('search_products', { query: 'camarón' })
      : say('Sí, hoy hay ', 'camarón blanco jumbo a US$5.50 la libra.');
  });
  const rows: string[] = [];
  try {
    for (const mode of ['offline', 'claude'] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-assistant-'));
      const database = real ? uniqueName('espigon_bench') : undefined;
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        GATEWAY_PORT: '0',
        SUBGRAPH_PORTS: 'auto',
        SEED_DEMO_DATA: 'true',
        ASSISTANT_MESSAGES_PER_MINUTE: '10000',
        ASSISTANT_DAILY_TOKEN_BUDGET: '100000000',
        ...(mode === 'claude' ? { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: fake.url } : {}),
      };
      if (real)
        Object.assign(env, { DATABASE_URL: await createDatabase(database!), REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${database}:` });
      try {
        const market = await spawnMarket(env, join(dataDir, 'market.log'));
        try {
          const url = market.gatewayUrl;
          const token = await loginToken(url, 'CLIENT');
          const pid = market.child.pid!;
          const run = async (target: string, body: string, headers: Record<string, string>, check: () => Promise<unknown>): Promise<LoadResult> => {
            await check();
            const cpuBefore = cpuSeconds(pid);
            const result = await autocannon({
              url: target,
              method: 'POST',
              connections: CONNECTIONS,
              duration: SECONDS,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
              body,
            });
            const requests = result.requests.total;
            const failures = result.non2xx + result.errors + result.timeouts;
            if (failures) throw new Error(`${failures} failed requests`);
            return {
              rps: result.requests.average,
              p50: result.latency.p50,
              p99: result.latency.p99,
              requests,
              failures,
              cpuMsPerRequest: { market: ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, requests) },
            };
          };
          const asked = await run(url, ASK, {}, () => expectData(url, ASK, token));
          rows.push(row(`askAssistant, ${mode === 'offline' ? 'offline mode' : 'Claude mode (fake API answering at once)'}`, asked));
          if (mode === 'offline') {
            const mcpUrl = url.replace(/\/graphql$/, '/mcp');
            const mcpHeaders = { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };
            const checkMcp = async () => {
              const response = await fetch(mcpUrl, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...mcpHeaders },
                body: MCP_CALL,
              });
              const text = await response.text();
              if (!response.ok || !text.includes('Camar')) throw new Error(`/mcp answered ${response.status}: ${text.slice(0, 300)}`);
            };
            rows.push(row('MCP tools/call search_products (Streamable HTTP)', await run(mcpUrl, MCP_CALL, mcpHeaders, checkMcp)));
          }
        } finally {
          await market.stop();
        }
      } finally {
        if (database) {
          await dropDatabase(database).catch(() => undefined);
          await deleteRedisKeys(`${database}:`).catch(() => undefined);
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await fake.close();
  }
  console.log(
    `\nThe assistant through npm start's gateway (${real ? 'PostgreSQL + Redis' : 'embedded PGlite'}), ${CONNECTIONS} connections, ${SECONDS} s, Node ${process.version}`,
  );
  console.log('| what | RPS | p50 ms | p99 ms | market CPU ms/request |');
  console.log('|---|---|---|---|---|');
  for (const line of rows) console.log(line);
}

function row(what: string, result: LoadResult): string {
  return `| ${what} | ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.cpuMsPerRequest.market.toFixed(2)} |`;
}

runBenchmark(main);
