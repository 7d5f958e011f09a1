import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeEntities, highlight, lexMarkdown, safeHref } from './markdown';
import { Markdown } from './markdown-view';

function html(text: string): HTMLElement {
  const { container } = render(<Markdown text={text} />);
  return container.querySelector('.markdown') as HTMLElement;
}

describe('reply markdown', () => {
  it('renders headings, emphasis, inline code, lists and line breaks', () => {
    const el = html('# Title\n\nSome **bold**, *em*, ~~gone~~ and `a<b>`.\nNext line\n\n- one\n- two\n\n1. first\n2. second');
    expect(el.querySelector('h3')?.textContent).toBe('Title');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('em');
    expect(el.querySelector('del')?.textContent).toBe('gone');
    expect(el.querySelector('p code')?.textContent).toBe('a<b>');
    expect(el.querySelector('p br')).not.toBeNull();
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect([...el.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['first', 'second']);
  });

  it('highlights a fenced code block and offers to copy it', async () => {
    const el = html('Before\n\n```ts\nconst x: number = 1;\n```\n\nAfter');
    const code = el.querySelector('figure.code-block code');
    expect(code?.className).toBe('hljs language-ts');
    expect(code?.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code?.textContent).toBe('const x: number = 1;');
    expect(el.querySelector('figcaption')?.textContent).toContain('ts');
    // user-event puts its own clipboard in place: read back what was copied.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await navigator.clipboard.readText()).toBe('const x: number = 1;');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('shows an unfinished fence (a reply still streaming) as the code so far', () => {
    const el = html('Here:\n\n```python\ndef f():\n    return 1');
    expect(el.querySelector('code.language-python')?.textContent).toBe('def f():\n    return 1');
  });

  it('escapes code in a language it does not know', () => {
    expect(highlight('<b>&</b>', 'brainfuck')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(highlight('<script>', '')).toBe('&lt;script&gt;');
    expect(highlight('"<script>"', 'js')).not.toContain('<script>');
  });

  it('shows raw HTML as text: no script, no handler, no style reaches the page', () => {
    const el = html('Hi <script>alert(1)</script> <span style="color:red" onclick="alert(2)">x</span>\n\n<div style="x">block</div>');
    expect(el.querySelector('script, span, div[style], [onclick], [style]')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.textContent).toContain('<div style="x">block</div>');
  });

  it('links open in a new tab; unsafe ones are text; images become links', () => {
    const el = html('[docs](https://example.com/docs) [bad](javascript:alert(1)) ![a cat](https://example.com/cat.png)');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['https://example.com/docs', 'docs', '_blank', 'noopener noreferrer nofollow'],
      ['https://example.com/cat.png', 'a cat', '_blank', 'noopener noreferrer nofollow'],
    ]);
    expect(el.textContent).toContain('bad');
    expect(el.querySelector('img')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/t/apps')).toBe('/t/apps');
  });

  it('renders tables with alignment as classes, task lists and quotes', () => {
    const el = html('| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n> quoted');
    expect(el.querySelector('th.align-center')?.textContent).toBe('b');
    expect([...el.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '2']);
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['☑ done', '☐ todo']);
    expect(el.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(el.querySelector('[style]')).toBeNull();
  });

  it('decodes character references in text', () => {
    expect(decodeEntities('a &amp; b &lt;3 &#x1F600; &#65; &bogus;')).toBe('a & b <3 😀 A &bogus;');
    expect(html('Tom &amp; Jerry').textContent).toBe('Tom & Jerry');
  });

  it('renders nothing for empty text', () => {
    expect(lexMarkdown('')).toEqual([]);
    expect(html('').childElementCount).toBe(0);
  });
});
