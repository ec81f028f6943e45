// `npm run mcp`: the market's MCP server over stdio, for an MCP client that starts it on the user's machine (Claude
// Desktop and the like). It acts as the account of ESPIGON_TOKEN (an access token from the `login` mutation), calling
// the gateway at ESPIGON_GATEWAY_URL. stdout carries the protocol alone: everything said to a person goes to stderr.
import { z } from 'zod';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { loadConfig } from '@espigon/kit/config';
import { isRole } from '@espigon/kit/auth/role';
import { GatewayClient } from '../tools/gateway-client';
import { MarketToolbox, type ToolCaller } from '../tools/market-tools';
import { createMarketMcpServer } from './market-mcp-server';

const stdioConfigSchema = z.object({
  /** An access token (valid at most ACCESS_TOKEN_TTL_SECONDS, 15 minutes); the tools act as its account. */
  ESPIGON_TOKEN: z.string().min(1).max(4096),
  ESPIGON_GATEWAY_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
  /** Longest one call to the gateway may take. */
  ESPIGON_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
});

const log = (message: string) => process.stderr.write(`[espigon-mcp] ${message}\n`);

/** The token's account, asked of the gateway itself, so a refused token stops the server before a client connects. */
async function signedInCaller(gateway: GatewayClient, token: string): Promise<ToolCaller & { id: string }> {
  const { data, errors } = await gateway.execute<{ me: { id: string; role: string } | null }>('query McpSignedIn { me { id role } }', {}, token);
  if (errors?.length) throw new Error(`the gateway refused ESPIGON_TOKEN: ${errors[0].message} (${errors[0].extensions?.code ?? 'no code'})`);
  if (!data?.me || !isRole(data.me.role)) throw new Error('the gateway does not know ESPIGON_TOKEN as a signed-in account');
  return { id: data.me.id, role: data.me.role, token };
}

async function main(): Promise<void> {
  const config = loadConfig(stdioConfigSchema);
  const gateway = new GatewayClient({ url: config.ESPIGON_GATEWAY_URL, timeoutMs: config.ESPIGON_TIMEOUT_MS, clientName: 'espigon-mcp-stdio' });
  const caller = await signedInCaller(gateway, config.ESPIGON_TOKEN);
  const toolbox = new MarketToolbox(gateway);
  serveStdio(() => createMarketMcpServer(toolbox, caller), { onerror: (err) => log(`error: ${err.message}`) });
  log(`serving ${toolbox.availableTo(caller.role).length} tools over stdio as ${caller.role} ${caller.id}, through ${config.ESPIGON_GATEWAY_URL}`);
}

main().catch((err: Error) => {
  log(`cannot start: ${err.message}`);
  process.exit(1);
});
