/**
 * Markdown for replies, the non-React half: `marked` only tokenises (it never produces HTML we
 * insert), highlight.js colours code, and small helpers decide what a link may point to. The
 * tokens become React elements in markdown-view.tsx, so everything a model writes is text to
 * React: raw HTML in a reply shows as text, and nothing needs a sanitiser. The only HTML string
 * inserted is highlight.js's output, which is the code escaped inside <span class="hljs-…">.
 */
import { Marked, type Token } from 'marked';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// Each brings its usual aliases too (js, ts, sh, shell, html, yml, py…).
const LANGUAGES = { bash, css, diff, go, java, javascript, json, python, rust, sql, typescript, xml, yaml };
for (const [name, lang] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, lang);

const marked = new Marked({ gfm: true, breaks: true });

/** The reply's block tokens (a fence still open while streaming is a code block so far). */
export function lexMarkdown(text: string): Token[] {
  return marked.lexer(text).filter((t) => t.type !== 'def');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The language name of a fence ("```ts title=x" → "ts"), lower case. */
export function fenceLanguage(lang: string | undefined): string {
  return (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

/** Highlighted HTML for a code block; escaped plain text for a language we do not know. */
export function highlight(code: string, lang: string): string {
  if (lang && hljs.getLanguage(lang)) {
    // highlight.js escapes the code itself and adds only <span class="hljs-…">.
    return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', hellip: '…', mdash: '—', ndash: '–' };

/** marked leaves character references in text as written; React shows text as is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Only links a reader can safely follow: http(s), mailto, and this site's own paths. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (h.startsWith('/') && !h.startsWith('//') && !h.startsWith('/\\')) return h;
  if (h.startsWith('#')) return h;
  return null;
}
