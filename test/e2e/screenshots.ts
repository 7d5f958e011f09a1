/**
 * Walks the web app as a new user would and saves a screenshot of each main page to
 * docs/screenshots/*.png (desktop, plus a few at phone width). Run: `npm run screenshots`
 * (builds nothing: run `npm run build` first). Exits non-zero on a page error.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumAvailable, CHROMIUM, launchChromium } from './browser.js';
import { startE2eServer } from './server.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    // A 4xx/5xx answer logs "Failed to load resource": expected while API routes are missing.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png  ${page.url()}`);
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log(`screenshots: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startE2eServer();
  const { browser, close } = await launchChromium();
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    watch(page, problems);
    const email = `ada-${Date.now()}@example.com`;

    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await shot(page, 'login');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await shot(page, 'register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/[a-f0-9]{24}\/apps$/);
    const teamUrl = page.url().replace(/\/apps$/, '');
    await shot(page, 'apps');

    for (const name of ['models', 'agents', 'tasks', 'variables', 'sessions', 'team']) {
      await page.goto(`${teamUrl}/${name}`);
      await shot(page, name);
    }
    // Model → agent → chat app, through the forms (documented creates answer 302).
    await page.goto(`${teamUrl}/model/add`);
    await shot(page, 'model-add');
    await page.getByLabel(/^Name\b/).fill('Offline test model');
    await page.getByLabel('Provider').selectOption('openai_compatible');
    await page.getByLabel(/^Model\b/).fill('nimbus-fake');
    await page.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await page.getByLabel('API key').fill('sk-test-secret-1234');
    await page.getByRole('button', { name: 'Add model' }).click();
    await page.waitForURL(`${teamUrl}/models`);
    await page.getByRole('heading', { name: 'Offline test model' }).waitFor();
    await shot(page, 'models-list');
    await page.getByRole('link', { name: 'Edit Offline test model' }).click();
    await page.getByPlaceholder(/^Saved: /).waitFor();
    await shot(page, 'model-edit');

    await page.goto(`${teamUrl}/agent/add`);
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.locator('.field-error').first().waitFor();
    await shot(page, 'agent-add-errors');
    await page.getByLabel(/^Name\b/).fill('Helper');
    await page.getByLabel('Role').fill('Support specialist');
    await page.getByLabel('Goal').fill('Answer questions about our product');
    await page.getByLabel('Backstory').fill('Patient and precise.');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.waitForURL(`${teamUrl}/agents`);
    await page.getByRole('heading', { name: 'Helper' }).waitFor();
    await shot(page, 'agents-list');

    await page.goto(`${teamUrl}/app/add`);
    await page.getByLabel(/^Name\b/).fill('Helpdesk');
    await page.getByLabel('Description').fill('Ask anything about the product.');
    await page.getByRole('button', { name: 'Add starter' }).click();
    await page.getByRole('textbox', { name: 'Starter 1' }).fill('What can you do?');
    await page.getByLabel('Tags').fill('support, demo');
    await shot(page, 'app-add');
    await page.getByRole('button', { name: 'Create app' }).click();
    await page.waitForURL(`${teamUrl}/apps`);
    await page.getByRole('heading', { name: 'Helpdesk' }).waitFor();
    await shot(page, 'apps-list');
    await page.getByRole('button', { name: 'Chat' }).click();
    await page.waitForURL(/\/session\/[a-f0-9]{24}$/);
    await page.getByRole('heading', { name: 'Helpdesk' }).waitFor();
    await shot(page, 'session');
    await page.goto(`${teamUrl}/sessions`);
    await page.getByRole('link', { name: 'Helpdesk' }).first().waitFor();
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
    await shot(page, 'apikeys');

    await page.goto(`${server.url}/welcome`);
    await shot(page, 'welcome');

    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    watch(small, problems);
    await small.goto(`${teamUrl}/variables`);
    await shot(small, 'phone-variables');
    await small.getByRole('button', { name: 'Menu' }).click();
    await shot(small, 'phone-menu');
    await small.goto(`${teamUrl}/apps`);
    await shot(small, 'phone-apps');

    // Logged out, a page sends the browser to /login and back afterwards.
    const anon = await browser.newContext({ viewport: DESKTOP });
    const visitor = await anon.newPage();
    watch(visitor, problems);
    await visitor.goto(`${teamUrl}/variables`);
    await visitor.waitForURL(/\/login\?goto=/);
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByLabel('Password').fill('correct horse battery');
    await visitor.getByRole('button', { name: 'Log in' }).click();
    await visitor.waitForURL(`${teamUrl}/variables`);
  } finally {
    await close();
    await server.close();
  }
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error('screenshots failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
