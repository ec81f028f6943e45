// The development GraphQL IDE, as a newcomer uses it: headless Chromium (Debian's, through playwright-core) opens the
// test market's gateway with every other origin blocked, types a query, a mutation with variables, a token in the
// Headers tab and a subscription, and reads the answers in the result pane. Skipped, saying why, where no Chromium is
// installed (`.ci/run` installs it with apt when it can).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually } from '@espigon/kit/testing/eventually';
import { AdjustInventoryMutation, CreateProductMutation } from './operations/catalog.operations';
import { RegisterMutation } from './operations/users.operations';
import { gatewayUrl, ok, uniqueEmail } from './support/client';
import { settle } from './support/live-client';
import { CAMARON_SUBCATEGORY } from './support/market-people';

/** CHROMIUM_PATH, else `chromium` or `chromium-browser` on PATH. */
function findChromium(): string | undefined {
  const executable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  if (process.env.CHROMIUM_PATH) return executable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      if (executable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

const chromiumPath = findChromium();
const skipReason = process.env.CHROMIUM_PATH
  ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
  : 'no chromium or chromium-browser on PATH and CHROMIUM_PATH unset (apt-get install chromium)';
if (!chromiumPath) console.warn(`graphql-ide.test.ts skipped: ${skipReason}`);
const describeWithChromium = chromiumPath ? describe : describe.skip;

describeWithChromium(`the GraphQL IDE in headless Chromium, offline${chromiumPath ? '' : ` (skipped: ${skipReason})`}`, () => {
  const origin = new URL(gatewayUrl()).origin;
  const screenshot = join(process.env.ESPIGON_TEST_DATA_DIR!, 'graphql-ide.png');
  let browser: Browser;
  let page: Page;
  /** Every request, socket or worker script the page wanted from anywhere but the gateway (all refused). */
  const elsewhere: string[] = [];
  /** Page errors and console errors (a CSP refusal shows here). */
  const problems: string[] = [];
  const socketFrames: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // belt and braces beside the routing below: no name but the gateway's resolves
      args: [`--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(origin).hostname}`],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).host !== new URL(origin).host) elsewhere.push(socket.url());
      socket.on('framesent', (frame) => socketFrames.push(String(frame.payload)));
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const queryEditor = () => page.locator('.graphiql-query-editor .monaco-editor');

  /** Replaces an editor's text the way a person pastes it, then waits for GraphiQL to name the operation's tab. */
  async function write(editor: ReturnType<Page['locator']>, text: string): Promise<void> {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  }

  async function run(document: string, operationName: string): Promise<void> {
    await write(queryEditor(), document);
    // GraphiQL parses the document as it changes: run once it knows the operation (its tab takes the name)
    await page.locator('.graphiql-tab-active, .graphiql-tab[aria-selected=true]').filter({ hasText: operationName }).waitFor();
    await page.locator('.graphiql-execute-button').click();
  }

  const resultPane = () => page.locator('.graphiql-response');
  /** The result pane's text without the editor's line breaks and indentation. */
  const resultText = async () => (await resultPane().innerText()).replace(/\s+/g, '');

  it('opens from / in development, with its own scripts and a policy that allows only its own origin', async () => {
    const response = await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/graphql`);
    expect(response?.status()).toBe(200);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:|\*/);
    await queryEditor().waitFor();
    // the schema loaded by introspection: the Docs panel lists the root types
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').filter({ hasText: 'Query' }).waitFor();
    await page.getByRole('button', { name: /documentation explorer/i }).click();
  }, 60_000);

  it('runs a typed query and shows the demo categories', async () => {
    // short enough for the pane to show every line (the editor draws only what is visible)
    await run('query PierCategories { categories { name } }', 'PierCategories');
    await resultPane().filter({ hasText: 'Mariscos' }).waitFor();
    const text = await resultText();
    // other test files may add a category of their own to the shared market: the demo ones are all there
    expect(text).toMatch(/^\{"data":\{"categories":\[/);
    for (const name of ['Mariscos', 'Moluscos', 'Pescados', 'Preparados']) expect(text).toContain(`{"name":"${name}"}`);
    expect(text).not.toContain('"errors"');
    await page.screenshot({ path: screenshot });
    expect(existsSync(screenshot) && statSync(screenshot).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('signs in with a mutation, sends the token from the Headers tab, and follows a subscription over graphql-ws', async () => {
    const email = uniqueEmail('ide');
    const password = 'Pescado-fresco-2026';
    const { register } = await ok(RegisterMutation, {
      input: { email, password, name: 'Lucho Anchundia', role: 'SELLER', stallName: 'Puesto de Lucho' },
    });

    // the mutation, its variables in the Variables tab
    await page.getByRole('button', { name: 'Variables' }).click();
    await write(page.locator('.graphiql-editor-tool .monaco-editor >> visible=true'), JSON.stringify({ email, password }));
    await run(
      'mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { name } } }',
      'SignIn',
    );
    await resultPane().filter({ hasText: 'accessToken' }).waitFor();
    const token = /"accessToken":"([^"]+)"/.exec(await resultText())?.[1];
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await resultText()).toContain('"name":"LuchoAnchundia"');

    await page.getByRole('button', { name: 'Headers' }).click();
    await write(page.locator('.graphiql-editor-tool .monaco-editor >> visible=true'), JSON.stringify({ authorization: `Bearer ${token}` }));
    await run('subscription LowStock { inventoryAlert { quantityAvailable lowStockThreshold product { name } } }', 'LowStock');
    // the socket carried the Headers tab's token at connect, then the subscription
    await eventually(async () => expect(socketFrames.some((f) => f.includes('"subscribe"') && f.includes('LowStock'))).toBe(true));
    expect(socketFrames.find((f) => f.includes('connection_init'))).toContain(`"authorization":"Bearer ${token}"`);
    await settle();

    const product = (
      await ok(
        CreateProductMutation,
        {
          input: {
            name: 'Langostino del IDE',
            priceCents: 900,
            unit: 'KG',
            subcategoryId: CAMARON_SUBCATEGORY,
            quantityOnHand: 10,
            lowStockThreshold: 3,
          },
        },
        { token: register.accessToken },
      )
    ).createProduct.id;
    await ok(AdjustInventoryMutation, { productId: product, delta: -8 }, { token: register.accessToken });
    await resultPane()
      .filter({ hasText: /Langostino.del.IDE/ })
      .waitFor({ timeout: 15_000 });
    expect(await resultText()).toContain(
      '{"data":{"inventoryAlert":{"quantityAvailable":2,"lowStockThreshold":3,"product":{"name":"LangostinodelIDE"}}}}',
    );
    await page.screenshot({ path: screenshot });
    // stop it (the ▶ button is ■ while a subscription runs)
    await page.locator('.graphiql-execute-button').click();
  }, 90_000);

  it('needed nothing from any other origin, and nothing was refused by its policy', () => {
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
