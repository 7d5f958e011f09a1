/**
 * The steps a new user takes, as a browser takes them: shared by the e2e test and the
 * screenshot tour so both walk the same path.
 */
import type { Locator, Page } from 'playwright-core';

export const PASSWORD = 'correct horse battery';
export const TEST_MODEL_BUTTON = 'Add the offline test model (echoes; not a real model)';
export const TEST_MODEL_NAME = 'Test model (fake LLM, not a real model)';

/** Signs up through the register page; returns the new team's base URL (`…/{teamId}`). */
export async function signUp(page: Page, base: string, who: { name: string; email: string }): Promise<string> {
  await page.goto(`${base}/register`);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/[a-f0-9]{24}\/apps$/);
  return page.url().replace(/\/apps$/, '');
}

/** Models page → the offline test model's one-click offer. */
export async function addTestModel(page: Page, teamUrl: string): Promise<void> {
  await page.goto(`${teamUrl}/models`);
  await page.getByRole('button', { name: TEST_MODEL_BUTTON }).click();
  await page.getByRole('heading', { name: TEST_MODEL_NAME }).waitFor();
}

export async function createAgent(page: Page, teamUrl: string, name = 'Helper'): Promise<void> {
  await page.goto(`${teamUrl}/agent/add`);
  await page.getByLabel(/^Name\b/).fill(name);
  await page.getByLabel('Role').fill('Support specialist');
  await page.getByLabel('Goal').fill('Answer questions about our product');
  await page.getByLabel('Backstory').fill('Patient and precise.');
  await page.getByLabel(/^Model\b/).selectOption({ label: `${TEST_MODEL_NAME} (fake-model)` });
  await page.getByRole('button', { name: 'Create agent' }).click();
  await page.waitForURL(`${teamUrl}/agents`);
  await page.getByRole('heading', { name }).waitFor();
}

export async function createChatApp(page: Page, teamUrl: string, app: { name: string; agent?: string; starters?: string[] }): Promise<void> {
  await page.goto(`${teamUrl}/app/add`);
  await page.getByLabel(/^Name\b/).fill(app.name);
  await page.getByLabel('Description').fill('Ask anything about the product.');
  await page.getByLabel(/^Agent\b/).selectOption({ label: app.agent ?? 'Helper' });
  for (const [i, s] of (app.starters ?? []).entries()) {
    await page.getByRole('button', { name: 'Add starter' }).click();
    await page.getByRole('textbox', { name: `Starter ${i + 1}` }).fill(s);
  }
  await page.getByRole('button', { name: 'Create app' }).click();
  await page.waitForURL(`${teamUrl}/apps`);
  await page.getByRole('heading', { name: app.name }).waitFor();
}

/** Apps page → Chat: a new session; returns its URL once the live page is there. */
export async function openChat(page: Page, appName: string): Promise<string> {
  const card = page.locator('li', { has: page.getByRole('heading', { name: appName }) });
  await card.getByRole('button', { name: 'Chat' }).click();
  await page.waitForURL(/\/session\/[a-f0-9]{24}$/);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await waitForStatus(page, 'Waiting for you');
  return page.url();
}

export function statusBadge(page: Page): Locator {
  return page.getByTestId('session-status');
}

/** The little of the DOM the in-page checks use (this project's Node types have no DOM). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

/**
 * Waits, checking in the page on every frame, until the element matching `selector` has text
 * matching `pattern` (and not `unless`). A function, not a string: the CSP forbids eval.
 */
export async function waitForText(page: Page, selector: string, pattern: RegExp, opts: { unless?: RegExp; timeout?: number } = {}): Promise<void> {
  await page.waitForFunction(
    ({ selector, source, flags, unless }) => {
      const el = (globalThis as unknown as PageGlobals).document.querySelector(selector);
      const text = el?.textContent ?? '';
      return new RegExp(source, flags).test(text) && !(unless !== null && new RegExp(unless).test(text));
    },
    { selector, source: pattern.source, flags: pattern.flags, unless: opts.unless?.source ?? null },
    { timeout: opts.timeout ?? 15_000 },
  );
}

export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<void> {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await waitForText(page, '[data-testid="session-status"]', exact, { timeout });
}

/** The reply still streaming in. */
export const STREAMING = '.msg-assistant[data-completed="false"] .markdown';

/** Types into the composer and presses Enter (the way to send). */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  await input.press('Enter');
}

export function assistantReplies(page: Page): Locator {
  return page.locator('.transcript li.msg-assistant');
}

/** The text of every transcript line, in order (without the copy buttons' changing labels). */
export async function transcriptTexts(page: Page): Promise<string[]> {
  return (await page.locator('.transcript > li').allTextContents()).map((t) => t.replace(/Copy code|Copied/g, '').trim());
}

/** `word1 word2 … wordN`, what the fake LLM answers to `[[fake:words=N]]`. */
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');
}
