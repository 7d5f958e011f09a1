/**
 * Walks the web app as a new user would — with the fake LLM as the offline test model, so the
 * chat is real — and saves a screenshot of each main page to docs/screenshots/*.png (desktop,
 * plus a few at phone width). PNGs there that this run did not write are deleted. Run:
 * `npm run screenshots` (builds the web app first). Exits non-zero on a console or page error.
 * No screenshot shows a real secret: the one API key shown is blanked before the shot.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startFakeLlm } from '../../src/fake-llm/server.js';
import { chromiumAvailable, CHROMIUM, launchChromium } from './browser.js';
import { startE2eServer } from './server.js';
import { Problems } from './watch.js';
import { addTestModel, createAgent, createChatApp, openChat, PASSWORD, send, STREAMING, waitForStatus, waitForText } from './journey.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const written = new Set<string>();

async function shot(page: Page, name: string, opts: { fullPage?: boolean; settle?: boolean } = {}): Promise<void> {
  if (opts.settle !== false) {
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  }
  const file = `${name}.png`;
  await page.screenshot({ path: join(OUT, file), fullPage: opts.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  written.add(file);
  console.log(`  ${file}  ${page.url()}`);
}

const CODE_REPLY = [
  'Here is a **TypeScript** helper that retries a request:',
  '',
  '```ts',
  'export async function retry<T>(fn: () => Promise<T>, times = 3): Promise<T> {',
  '  for (let i = 0; ; i++) {',
  '    try {',
  '      return await fn();',
  '    } catch (err) {',
  '      if (i + 1 >= times) throw err;',
  '    }',
  '  }',
  '}',
  '```',
  '',
  '- waits for nothing between attempts',
  '- rethrows the *last* error',
].join('\n');

const PROSE =
  'I can answer questions about the product, explain its settings step by step, and draft short replies for your customers. ' +
  'Ask me how to export your data, how billing works, or what changed in the last release.';

const LONG = Array.from(
  { length: 12 },
  () => 'Customers can ask for a refund within 30 days of purchase. Refunds go back to the original payment method and take up to five working days.',
).join(' ');

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log(`screenshots: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const fake = await startFakeLlm();
  const server = await startE2eServer({ NIMBUS_FAKE_LLM_URL: fake.url });
  const { browser, close } = await launchChromium();
  const problems = new Problems();
  const beforeLogin = [{ url: /\/account\.json/, why: 'the login check before logging in' }];
  try {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    problems.watch(page, 'desktop', [
      ...beforeLogin,
      { url: /\/forms\/(agent|variable)\/add$/, why: 'the empty forms submitted on purpose to show validation' },
    ]);
    const email = `ada-${Date.now()}@example.com`;

    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await shot(page, 'login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await shot(page, 'register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/[a-f0-9]{24}\/apps$/);
    const teamUrl = page.url().replace(/\/apps$/, '');
    await shot(page, 'apps');

    for (const name of ['models', 'agents', 'tasks', 'variables', 'sessions', 'team']) {
      await page.goto(`${teamUrl}/${name}`);
      await shot(page, name);
    }
    await page.goto(`${teamUrl}/model/add`);
    await shot(page, 'model-add');
    await addTestModel(page, teamUrl);
    await shot(page, 'models-list');
    await page.getByRole('link', { name: /^Edit Test model/ }).click();
    await page.getByPlaceholder(/^Saved: /).waitFor();
    await shot(page, 'model-edit');

    await page.goto(`${teamUrl}/agent/add`);
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.locator('.field-error').first().waitFor();
    await shot(page, 'agent-add-errors');
    await createAgent(page, teamUrl);
    await shot(page, 'agents-list');

    await page.goto(`${teamUrl}/app/add`);
    await page.getByLabel(/^Name\b/).fill('Helpdesk');
    await page.getByLabel('Description').fill('Ask anything about the product.');
    await page.getByRole('button', { name: 'Add starter' }).click();
    await page.getByRole('textbox', { name: 'Starter 1' }).fill('What can you do?');
    await page.getByLabel('Tags').fill('support, demo');
    await shot(page, 'app-add');
    await createChatApp(page, teamUrl, { name: 'Product help', starters: ['What can you do?', 'Write me a retry helper', 'Summarise our refund policy'] });
    await shot(page, 'apps-list');

    // The live chat: empty with its starters, a reply streaming, a finished one with code, stopped.
    // The fake's default reply stands in for a model's, so the transcript reads like a real one.
    const sessionUrl = await openChat(page, 'Product help');
    await shot(page, 'session-empty');
    fake.setDefaults({ reply: PROSE, deltaDelayMs: 45 });
    await page.getByRole('button', { name: 'What can you do?' }).click();
    await waitForText(page, STREAMING, /\bexplain\b/);
    await shot(page, 'session-streaming', { settle: false });
    await waitForStatus(page, 'Waiting for you');
    fake.setDefaults({ reply: CODE_REPLY, deltaDelayMs: 0 });
    await send(page, 'Write me a retry helper');
    await page.locator('.msg-assistant figure.code-block').waitFor();
    await waitForStatus(page, 'Waiting for you');
    // The composer sticks to the bottom of the window: a tall window rather than a full-page capture.
    await page.setViewportSize({ width: DESKTOP.width, height: 1180 });
    await shot(page, 'session', { fullPage: false });
    await page.setViewportSize(DESKTOP);
    fake.setDefaults({ reply: LONG, deltaDelayMs: 30 });
    await send(page, 'Summarise our refund policy');
    await waitForText(page, STREAMING, /\bwithin\b/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await waitForStatus(page, 'Stopped');
    await page.getByText('Stopped generating.', { exact: false }).waitFor();
    await shot(page, 'session-stopped', { fullPage: false });
    fake.setDefaults({ reply: null, deltaDelayMs: 0 });

    await page.goto(`${teamUrl}/sessions`);
    await page.getByRole('link', { name: 'Product help' }).first().waitFor();
    await shot(page, 'sessions-list');

    await page.goto(`${teamUrl}/variable/add`);
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByText('Variable Name is empty').waitFor();
    await shot(page, 'variable-add-errors');
    await page.getByLabel('Name').fill('company');
    await page.getByLabel('Default value').fill('Acme');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('cell', { name: 'company', exact: true }).waitFor();
    await shot(page, 'variables-list');

    await page.goto(`${server.url}/apikeys`);
    await page.getByLabel('Name').fill('CI pipeline');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('it is shown only once').waitFor();
    // A key of a throwaway server, but a key all the same: never in a committed picture.
    await page.getByLabel('New API key').evaluate((el) => {
      (el as unknown as { value: string }).value = 'nmb_••••••••••••••••••••••••••••••••';
    });
    await shot(page, 'apikeys');

    await page.goto(`${server.url}/welcome`);
    await shot(page, 'welcome');

    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    problems.watch(small, 'phone');
    await small.goto(`${teamUrl}/variables`);
    await shot(small, 'phone-variables');
    await small.getByRole('button', { name: 'Menu' }).click();
    await shot(small, 'phone-menu');
    await small.goto(`${teamUrl}/apps`);
    await shot(small, 'phone-apps');
    await small.goto(sessionUrl);
    await small.locator('.transcript').waitFor();
    await waitForStatus(small, 'Stopped');
    await small.getByRole('button', { name: 'Start again' }).click();
    await waitForStatus(small, 'Waiting for you');
    await send(small, 'Thanks!');
    await small.getByText('Echo: Thanks!').waitFor();
    await waitForStatus(small, 'Waiting for you');
    await shot(small, 'phone-session', { fullPage: false });

    // Logged out, a page sends the browser to /login and back afterwards.
    const anon = await browser.newContext({ viewport: DESKTOP });
    const visitor = await anon.newPage();
    problems.watch(visitor, 'visitor', beforeLogin);
    await visitor.goto(`${teamUrl}/variables`);
    await visitor.waitForURL(/\/login\?goto=/);
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByLabel('Password').fill(PASSWORD);
    await visitor.getByRole('button', { name: 'Log in' }).click();
    await visitor.waitForURL(`${teamUrl}/variables`);
  } finally {
    await close();
    await server.close();
    await fake.close();
  }
  problems.assertNone();
  for (const file of readdirSync(OUT)) {
    if (file.endsWith('.png') && !written.has(file)) {
      rmSync(join(OUT, file));
      console.log(`  removed stale ${file}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error('screenshots failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
