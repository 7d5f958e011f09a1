/**
 * End to end in Debian's Chromium, against the real server and the fake LLM: a new user signs
 * up, adds the offline test model, builds an agent and a chat app, and chats — the reply
 * streaming in, whole after a reload and after a dropped connection, stoppable mid-stream —
 * while another account cannot open the session. The owner invites someone, whose browser opens the
 * copied invite link, sets a password and logs in to the owner's team. Then the same session at
 * phone width.
 * Any console error or page error fails the run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { chromiumAvailable, CHROMIUM, launchChromium, type LaunchedBrowser } from './browser.js';
import { startE2eServer, type E2eServer } from './server.js';
import { Problems } from './watch.js';
import {
  addTestModel,
  assistantReplies,
  createAgent,
  createChatApp,
  openChat,
  PASSWORD,
  send,
  signUp,
  statusBadge,
  STREAMING,
  transcriptTexts,
  waitForStatus,
  waitForText,
  words,
} from './journey.js';

/** The little of the browser's globals the in-page checks read (this project's Node types have no DOM). */
interface Browserish {
  navigator: { clipboard: { readText(): Promise<string> } };
  location: { pathname: string };
  document: { documentElement: { scrollWidth: number } };
}

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const ARTIFACTS = join(tmpdir(), 'nimbus-e2e-artifacts');
const has = chromiumAvailable();
if (!has) console.log(`e2e: skipped, no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`);

describe.skipIf(!has)('chat in a real browser', () => {
  let fake: FakeLlm;
  let server: E2eServer;
  let launched: LaunchedBrowser;
  let browser: Browser;
  const problems = new Problems();
  const contexts: BrowserContext[] = [];
  /** Set by the first test, used by the later ones. */
  let owner: { context: BrowserContext; sessionUrl: string } | null = null;

  async function newPage(name: string, opts: Parameters<Browser['newContext']>[0] = {}, expected: Parameters<Problems['watch']>[2] = []): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, ...opts });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    problems.watch(page, name, expected);
    return page;
  }

  beforeAll(async () => {
    fake = await startFakeLlm();
    server = await startE2eServer({ NIMBUS_FAKE_LLM_URL: fake.url });
    launched = await launchChromium();
    browser = launched.browser;
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    await fake?.close();
  });

  /** On a failure, a screenshot of where the page was helps more than a stack trace. */
  async function evidence<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      console.error(`e2e: screenshot of the failure: ${path}`);
      throw err;
    }
  }

  it('signs up, sets up a chat app, streams replies, survives a reload and a dropped connection, and stops mid-stream', async () => {
    // Before login, the app asks who is there and hears 401: that is how it finds the login page.
    const page = await newPage('owner', {}, [{ url: /\/account\.json/, why: 'the login check before signing up' }]);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // A handle on the live socket, to cut it mid-reply later on.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await evidence(page, 'owner', async () => {
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      const teamUrl = await signUp(page, server.url, { name: 'Ada Lovelace', email: `ada-${Date.now()}@example.com` });
      await addTestModel(page, teamUrl);
      await createAgent(page, teamUrl);
      await createChatApp(page, teamUrl, { name: 'Helpdesk', starters: ['What can you do?'] });
      const sessionUrl = await openChat(page, 'Helpdesk');
      expect(await page.getByRole('heading', { name: 'Helpdesk' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'What can you do?' }).isVisible()).toBe(true);

      // 1. A reply streams in: text is seen growing before the reply is complete.
      await send(page, '[[fake:words=40]] [[fake:delay=30]] Tell me something');
      await waitForText(page, STREAMING, /\bword3\b/, { unless: /\bword40\b/ });
      expect(await statusBadge(page).textContent()).toBe('Replying…');
      expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
      await page.locator('.msg-assistant[data-completed="true"]').first().waitFor();
      await waitForStatus(page, 'Waiting for you');
      expect((await assistantReplies(page).first().locator('.markdown').textContent())?.trim()).toBe(words(40));
      expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);

      // 2. Markdown with highlighted code and a copy button; raw HTML stays text.
      const md = 'Here is code:\n\n```js\nconst answer = 42;\n```\n\n**bold** <img src=x onerror="window.__pwned=1"> <b style="color:red">raw</b>';
      await send(page, `[[fake:reply=${md}]]`);
      const code = page.locator('.msg-assistant figure.code-block code.language-js');
      await code.waitFor();
      await waitForStatus(page, 'Waiting for you');
      expect(await code.locator('.hljs-keyword').first().textContent()).toBe('const');
      expect(await page.locator('.msg-assistant strong', { hasText: 'bold' }).count()).toBe(1);
      expect(await page.locator('.transcript img, .transcript b[style], .transcript [onerror]').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as Record<string, unknown>).__pwned)).toBeUndefined();
      await page.getByRole('button', { name: 'Copy code' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as Browserish).navigator.clipboard.readText())).toBe('const answer = 42;');

      // 3. A reload shows the whole transcript: the same text, each message once.
      const before = await transcriptTexts(page);
      expect(before.filter((t) => t.includes(words(40)))).toHaveLength(1);
      await page.reload();
      await page.locator('.transcript').waitFor();
      await expect.poll(() => page.locator('.transcript > li').count()).toBeGreaterThanOrEqual(before.length);
      await waitForStatus(page, 'Waiting for you');
      expect(await transcriptTexts(page)).toEqual(before);

      // 4. The connection drops mid-reply: the page re-joins and the reply ends whole, once.
      await send(page, '[[fake:words=120]] [[fake:delay=25]] and again');
      await waitForText(page, STREAMING, /\bword10\b/);
      const live = sockets.at(-1);
      expect(live, 'the page talks over a WebSocket').toBeDefined();
      await live?.close({ code: 1001, reason: 'e2e: dropped' });
      await page.getByText(/Connection lost/).waitFor({ timeout: 5_000 });
      await waitForStatus(page, 'Waiting for you', 20_000);
      expect(await page.getByText(/Connection lost/).count()).toBe(0);
      const again = await transcriptTexts(page);
      expect(again.filter((t) => t.includes(words(120)))).toHaveLength(1);
      expect(again.filter((t) => t.startsWith('Ada Lovelace') && t.includes('and again'))).toHaveLength(1);
      expect((await assistantReplies(page).last().locator('.markdown').textContent())?.trim()).toBe(words(120));

      // 5. A reload mid-reply picks the stream up where it is (nothing lost, nothing twice),
      //    then Stop: the text stops growing, the session shows it stopped.
      await send(page, '[[fake:words=400]] [[fake:delay=30]] a long one');
      await waitForText(page, STREAMING, /\bword15\b/);
      await page.reload();
      await waitForText(page, STREAMING, /\bword30\b/);
      const resumed = ((await page.locator(STREAMING).textContent()) ?? '').trim();
      expect(words(400).startsWith(resumed), `a prefix of the reply, each word once: ${resumed.slice(0, 120)}…`).toBe(true);
      await page.getByRole('button', { name: 'Stop' }).click();
      await waitForStatus(page, 'Stopped');
      await page.getByText('Stopped generating.', { exact: false }).waitFor();
      const stoppedAt = (await assistantReplies(page).last().locator('.markdown').textContent()) ?? '';
      await page.waitForTimeout(800);
      const later = (await assistantReplies(page).last().locator('.markdown').textContent()) ?? '';
      expect(later).toBe(stoppedAt);
      expect(later).not.toMatch(/\bword400\b/);
      expect(words(400).startsWith(later.trim())).toBe(true);
      expect(later.split(' ').length).toBeGreaterThanOrEqual(30);
      expect(await page.getByRole('button', { name: 'Start again' }).isVisible()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Message' }).isDisabled()).toBe(true);
      // The server agrees: its copy of the reply is as long as what the page shows.
      const stored = await page.evaluate(async () => {
        const res = await fetch(`${(globalThis as unknown as Browserish).location.pathname}/messages.json`, { headers: { accept: 'application/json' } });
        return (await res.json()) as { kind: string; message: { message: { text: string } } }[];
      });
      expect(stored.filter((m) => m.kind === 'assistant').at(-1)?.message.message.text.trim()).toBe(later.trim());

      owner = { context: page.context(), sessionUrl };
    });
    problems.assertNone();
  });

  it('another account cannot open the session', async () => {
    expect(owner, 'the first test opened a session').not.toBeNull();
    const sessionUrl = owner?.sessionUrl ?? '';
    const teamA = new URL(sessionUrl).pathname.split('/')[1] ?? '';
    const page = await newPage('stranger', {}, [
      { url: /\/account\.json/, why: 'the login check, and the foreign team in resourceSlug' },
      { url: new RegExp(`/${teamA}/`), why: 'the other team’s routes answer 403/404' },
    ]);
    await evidence(page, 'stranger', async () => {
      await signUp(page, server.url, { name: 'Eve', email: `eve-${Date.now()}@example.com` });
      await page.goto(sessionUrl);
      await page.getByText(/^(No access|Not found)$/).first().waitFor();
      expect(await page.locator('.transcript').count()).toBe(0);
      expect(await page.getByText(words(40)).count()).toBe(0);
      expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    });
    problems.assertNone();
  });

  it('an invited person opens the copied invite link, sets a password, logs in and is a member of the owner’s team', async () => {
    expect(owner, 'the first test set up the owner’s team').not.toBeNull();
    const teamId = new URL(owner?.sessionUrl ?? '').pathname.split('/')[1] ?? '';
    const team = `${server.url}/${teamId}`;
    const admin = await newPage('admin', { storageState: await owner?.context.storageState() });
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const invitee = { name: 'Grace Hopper', email: `grace-${Date.now()}@example.com` };
    const link = await evidence(admin, 'admin-invites', async () => {
      await admin.goto(`${team}/team`);
      const invite = admin.locator('section', { has: admin.getByRole('heading', { name: 'Invite someone' }) });
      await invite.getByLabel(/^Name/).fill(invitee.name);
      await invite.getByLabel(/^Email/).fill(invitee.email);
      await invite.getByRole('button', { name: 'Invite' }).click();
      const field = invite.getByRole('textbox', { name: 'Invite link' });
      await field.waitFor();
      const shown = await field.inputValue();
      expect(shown).toMatch(new RegExp(`^${server.url}/verify\\?token=[^&\\s]+$`));
      await invite.getByRole('button', { name: 'Copy' }).click();
      await invite.getByRole('button', { name: 'Copied' }).waitFor();
      const copied = await admin.evaluate(() => (globalThis as unknown as Browserish).navigator.clipboard.readText());
      expect(copied).toBe(shown);
      return copied;
    });
    const teamName = ((await admin.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    expect(teamName).not.toBe('');

    // A browser that has never been logged in.
    const page = await newPage('invitee', {}, [
      { url: /\/account\.json/, why: 'the login check on the login page, before logging in' },
      { url: /\/invite\.json/, why: 'the link opened a second time answers 400 Invalid token' },
    ]);
    await evidence(page, 'invitee', async () => {
      await page.goto(link);
      await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByLabel(/^Confirm password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.waitForURL(`${server.url}/login?verifysuccess=true`);
      await page.getByText('Your account is ready. Log in to continue.').waitFor();
      await page.getByLabel('Email').fill(invitee.email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();

      // In the owner's team, as a member: the team's app, its name, and a Member's rights.
      await page.waitForURL(`${team}/apps`);
      await page.getByRole('heading', { name: 'Helpdesk' }).waitFor();
      expect(await page.locator('.topbar .team-name').textContent()).toBe(teamName);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
      await page.waitForURL(`${team}/team`);
      await page.getByRole('heading', { level: 1, name: teamName }).waitFor();
      const me = page.getByRole('row', { name: new RegExp(invitee.name) });
      await me.getByText('you', { exact: true }).waitFor();
      expect(await me.getByRole('cell', { name: 'Member', exact: true }).count()).toBe(1);
      expect(await page.getByRole('row', { name: /Ada Lovelace/ }).getByRole('cell', { name: 'Owner', exact: true }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);

      // The link works once: opened again, it says so at once.
      await page.goto(link);
      await page.getByText('This invitation link does not work.').waitFor();
      expect(await page.getByRole('button', { name: 'Set password' }).count()).toBe(0);
    });

    // The owner sees the new member in the list.
    await admin.reload();
    await admin.getByRole('row', { name: new RegExp(invitee.name) }).waitFor();
    problems.assertNone();
  });

  it('someone who already has an account joins only by accepting the link, logged in as themselves', async () => {
    const teamId = new URL(owner?.sessionUrl ?? '').pathname.split('/')[1] ?? '';
    const team = `${server.url}/${teamId}`;
    const kate = { name: 'Katherine Johnson', email: `kate-${Date.now()}@example.com` };
    const page = await newPage('existing', {}, [{ url: /\/account\.json/, why: 'the login check on the sign-up page, before signing up' }]);
    await evidence(page, 'existing-joins', async () => {
      await signUp(page, server.url, kate);
      const admin = await newPage('admin-2', { storageState: await owner?.context.storageState() });
      await admin.goto(`${team}/team`);
      const invite = admin.locator('section', { has: admin.getByRole('heading', { name: 'Invite someone' }) });
      await invite.getByLabel(/^Name/).fill(kate.name);
      await invite.getByLabel(/^Email/).fill(kate.email);
      await invite.getByRole('button', { name: 'Invite' }).click();
      const link = await invite.getByRole('textbox', { name: 'Invite link' }).inputValue();
      // Pending until accepted: listed apart, and the team is not hers yet.
      await admin.getByRole('heading', { name: 'Invited, not yet accepted' }).waitFor();
      await page.goto(`${team}/apps`);
      await page.getByText(/^(No access|Not found)$/).first().waitFor();

      await page.goto(link);
      await page.getByText(/is invited to join/).waitFor();
      await page.getByRole('button', { name: /^Join / }).click();
      await page.waitForURL(`${team}/apps`);
      await page.getByRole('heading', { name: 'Helpdesk' }).waitFor();
      await admin.reload();
      await admin.getByRole('row', { name: new RegExp(kate.name) }).waitFor();
      expect(await admin.getByRole('heading', { name: 'Invited, not yet accepted' }).count()).toBe(0);
    });
    problems.assertNone();
  });

  it('works at phone width: the stopped session starts again and chats', async () => {
    expect(owner, 'the first test opened a session').not.toBeNull();
    const state = await owner?.context.storageState();
    const page = await newPage('phone', { viewport: PHONE, isMobile: true, hasTouch: true, storageState: state });
    await evidence(page, 'phone', async () => {
      await page.goto(owner?.sessionUrl ?? '');
      await page.locator('.transcript').waitFor();
      await waitForStatus(page, 'Stopped');
      expect(await page.evaluate(() => (globalThis as unknown as Browserish).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.getByRole('button', { name: 'Start again' }).click();
      await waitForStatus(page, 'Waiting for you');
      await send(page, 'hello from the phone');
      await page.getByText('Echo: hello from the phone').waitFor();
      await waitForStatus(page, 'Waiting for you');
      expect(await page.evaluate(() => (globalThis as unknown as Browserish).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await page.getByRole('textbox', { name: 'Message' }).isVisible()).toBe(true);
    });
    problems.assertNone();
  });
});
