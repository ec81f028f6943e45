// `npm run bench:assistant`: what the assistant costs beyond the model, through the gateway of `npm start` (PostgreSQL
// and Redis when DATABASE_URL and REDIS_URL are set, else the embedded default): "¿Hay camarón hoy?" answered
// offline (one search_products through the gateway, the question and reply stored), the same question answered by
// "Claude" (a local fake Messages API that answers at once: two streamed calls around one tool call), and the MCP
// server's search_products over Streamable HTTP. The limits are lifted for the run; each question starts a conversation.
import { say, startFakeAnthropic, useTool } from '../e2e/support/fake-anthropic';
import { benchRequire, expectData, load, loginToken, runBenchmark, withMarket, type LoadResult } from './support/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ASK = JSON.stringify({ query: 'mutation { askAssistant(message: "¿Hay camarón hoy?") { id content } }' });
const MCP_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'search_products', arguments: { query: 'camarón' } },
});
const MCP_HEADERS = { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };

async function main(): Promise<void> {
  benchRequire('autocannon');
  const fake = await startFakeAnthropic();
  // the fake "Claude": asks search_products for the question, then answers from the tool's result
  fake.script((call) =>
    typeof call.body.messages.at(-1)!.content === 'string'
      ? useTool('search_products', { query: 'camarón' })
      : say('Sí, hoy hay ', 'camarón blanco jumbo a US$5.50 la libra.'),
  );
  const rows: string[] = [];
  let stack = '';
  try {
    for (const mode of ['offline', 'claude'] as const) {
      const env: NodeJS.ProcessEnv = {
        SEED_DEMO_DATA: 'true',
        ASSISTANT_MESSAGES_PER_MINUTE: '10000',
        ASSISTANT_DAILY_TOKEN_BUDGET: '100000000',
        ...(mode === 'claude' ? { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: fake.url } : {}),
      };
      await withMarket(env, async (market, real) => {
        stack = real ? 'PostgreSQL + Redis' : 'embedded PGlite';
        const url = market.gatewayUrl;
        const token = await loginToken(url, 'CLIENT');
        const watch = { market: market.child.pid! };
        await expectData(url, ASK, token);
        const asked = await load(url, ASK, { connections: CONNECTIONS, seconds: SECONDS, token, watch });
        rows.push(row(`\`askAssistant\`, ${mode === 'offline' ? 'offline mode' : 'Claude mode (fake API answering at once)'}`, asked));
        if (mode === 'offline') {
          const mcpUrl = url.replace(/\/graphql$/, '/mcp');
          const response = await fetch(mcpUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...MCP_HEADERS },
            body: MCP_CALL,
          });
          const text = await response.text();
          if (!response.ok || !text.includes('Camar')) throw new Error(`/mcp answered ${response.status}: ${text.slice(0, 300)}`);
          const called = await load(mcpUrl, MCP_CALL, { connections: CONNECTIONS, seconds: SECONDS, token, headers: MCP_HEADERS, watch });
          rows.push(row('MCP `tools/call search_products` (Streamable HTTP)', called));
        }
      });
    }
  } finally {
    await fake.close();
  }
  console.log(`\nThe assistant through npm start's gateway (${stack}), ${CONNECTIONS} connections, ${SECONDS} s, Node ${process.version}`);
  console.log('| what | RPS | p50 ms | p99 ms | market CPU ms/request |');
  console.log('|---|---|---|---|---|');
  for (const line of rows) console.log(line);
}

function row(what: string, result: LoadResult): string {
  if (result.failures) throw new Error(`${what}: ${result.failures} failed requests`);
  return `| ${what} | ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.cpuMsPerRequest.market.toFixed(2)} |`;
}

runBenchmark(main);
