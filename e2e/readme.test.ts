// The README's commands work when pasted: each ```bash block that talks to a running market ("Try it", the payments
// walk-through) is run with bash, as written, against a market started as `npm start` starts one (demo data seeded,
// payments in mock mode: no Stripe key, so simulateCardPayment is allowed, which the shared test market's fake Stripe
// key forbids). Only localhost:4000 is changed, to that market's gateway. Every answer must be data without errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '@espigon/kit/testing/eventually';
import { fencedBlocks } from '../scripts/markdown';
import { OrderPaymentQuery } from './operations/orders.operations';
import { LoginMutation } from './operations/users.operations';
import { demo, ok } from './support/client';
import { startOwnMarket, type OwnMarket } from './support/own-market';

const run = promisify(execFile);
const readme = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');

/** The blocks that call a running market; those that install, start servers or docker are left out. */
const marketBlocks = fencedBlocks(readme, 'bash').filter(
  (block) => block.includes('localhost:4000') && /\bcurl\b/.test(block) && !/\b(npm|docker)\b/.test(block),
);

/**
 * Runs a block as a reader's shell would, stopping at the first failing command, with `curl` wrapped so that every
 * answer is also written, one per line, to a file the test reads.
 */
async function runBlock(block: string, gatewayHost: string, workDir: string, index: number): Promise<{ stdout: string; answers: unknown[] }> {
  const answersFile = join(workDir, `answers-${index}.jsonl`);
  writeFileSync(answersFile, '');
  const script = [
    'set -euo pipefail',
    'shopt -s inherit_errexit',
    `curl() { command curl --max-time 30 "$@" | tee -a '${answersFile}'; printf '\\n' >> '${answersFile}'; }`,
    block.replaceAll('localhost:4000', gatewayHost),
  ].join('\n');
  const { stdout } = await run('bash', ['-c', script], { cwd: workDir, timeout: 60_000, env: { PATH: process.env.PATH, HOME: workDir } });
  const answers = readFileSync(answersFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
  return { stdout, answers };
}

describe("the README's commands, pasted against a running market", () => {
  let own: OwnMarket | undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'espigon-readme-'));

  beforeAll(async () => {
    own = await startOwnMarket('readme');
  });

  afterAll(async () => {
    await own?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('finds the "Try it" block and the payments walk-through', () => {
    expect(marketBlocks.some((block) => block.includes('{ me {'))).toBe(true);
    expect(marketBlocks.some((block) => block.includes('simulateCardPayment'))).toBe(true);
    expect(marketBlocks.some((block) => block.includes('askAssistant'))).toBe(true);
  });

  it.each(marketBlocks.map((block, index) => [index + 1, block.split('\n')[0], block] as const))(
    'block %i (%s) runs to the end, every answer data without errors',
    async (index, _firstLine, block) => {
      const gatewayHost = new URL(own!.url).host;
      const { answers } = await runBlock(block, gatewayHost, workDir, index);
      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) {
        expect(answer).not.toHaveProperty('errors');
        const data = (answer as { data?: Record<string, unknown> }).data;
        // a field answered null (say `me` with an empty token) is a failure too, though GraphQL reports no error
        expect(data && Object.values(data).every((value) => value !== null)).toBe(true);
      }
    },
  );

  it('the assistant block answers "¿Hay camarón hoy?" in offline mode with the shrimp for sale, their prices and stalls', async () => {
    const block = marketBlocks.find((b) => b.includes('askAssistant'))!;
    const { answers } = await runBlock(block, new URL(own!.url).host, workDir, 0);
    const reply = (answers.at(-1) as { data: { askAssistant: { role: string; content: string } } }).data.askAssistant;
    expect(reply.role).toBe('assistant');
    expect(reply.content).toMatch(/sin conexión/i);
    // the demo catalog's shrimp (Rosa's stall), as the catalog has them
    expect(reply.content).toContain('Camarón blanco jumbo');
    expect(reply.content).toContain('US$5.50');
    expect(reply.content).toContain('Mariscos Doña Rosa');
  });

  it('the payments walk-through pays the order by (simulated) card, and the order turns PAID', async () => {
    const block = marketBlocks.find((b) => b.includes('simulateCardPayment'))!;
    const { answers } = await runBlock(block, new URL(own!.url).host, workDir, 0);
    const placed = answers.find((a) => (a as { data?: { checkout?: unknown } }).data?.checkout) as {
      data: { checkout: { id: string; totalCents: number }[] };
    };
    const [order] = placed.data.checkout;
    expect(answers.at(-1)).toMatchObject({
      data: {
        order: {
          number: expect.stringMatching(/^MNT-\d{4}-\d{6}$/),
          payment: { method: 'CARD', status: 'SUCCEEDED', amountCents: order.totalCents },
        },
      },
    });
    // as the README says, PAID follows a moment later (orders consumes payment.succeeded)
    const carmen = demo('carmen@example.ec');
    const token = (await ok(LoginMutation, { email: carmen.email, password: carmen.password }, { url: own!.url })).login.accessToken;
    await eventually(async () => expect((await ok(OrderPaymentQuery, { id: order.id }, { url: own!.url, token })).order?.status).toBe('PAID'));
  });
});
