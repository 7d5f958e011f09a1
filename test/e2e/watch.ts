/** Every console error and page error of a browser run, except the few answers a test expects. */
import type { Page } from 'playwright-core';

export interface Expected {
  /** The resource's URL (a "Failed to load resource" message names it in its location). */
  url: RegExp;
  /** Why this one is fine, for the failure message when something else shows up. */
  why: string;
}

export class Problems {
  readonly list: string[] = [];

  /** Collects from `page`; `expected` are 4xx answers that are part of the story (a 401 before login). */
  watch(page: Page, name: string, expected: Expected[] = []): void {
    page.on('pageerror', (err) => this.list.push(`[${name}] page error on ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      const at = msg.location().url;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text) && expected.some((e) => e.url.test(at))) return;
      this.list.push(`[${name}] console error on ${page.url()}: ${text}${at ? ` (${at})` : ''}`);
    });
  }

  /** Throws with every problem seen so far. */
  assertNone(): void {
    if (this.list.length) throw new Error(`${this.list.length} browser problem(s):\n${this.list.join('\n')}`);
  }
}
