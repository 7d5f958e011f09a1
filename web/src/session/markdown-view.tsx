/**
 * marked's tokens as React elements. Top-level blocks are memoised by their source, so while a
 * reply streams in only its last block re-renders (and a selection in an earlier one survives).
 * No inline style anywhere (the CSP forbids it): table alignment is a class.
 */
import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { CopyButton } from '../components/buttons';
import { decodeEntities, fenceLanguage, highlight, lexMarkdown, safeHref } from './markdown';

function CodeBlock({ code, lang }: { code: string; lang: string }) {
  const html = useMemo(() => highlight(code, lang), [code, lang]);
  return (
    <figure className="code-block">
      <figcaption>
        <span className="code-lang">{lang || 'code'}</span>
        <CopyButton text={code} label="Copy code" />
      </figcaption>
      <pre tabIndex={0}>
        <code className={lang ? `hljs language-${lang}` : 'hljs'} dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </figure>
  );
}

function inline(tokens: readonly Token[] | undefined): ReactNode {
  if (!tokens) return null;
  return tokens.map((t, i) => <Fragment key={i}>{inlineToken(t)}</Fragment>);
}

function inlineToken(t: Token): ReactNode {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : decodeEntities(x.text);
    }
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
      return <strong>{inline((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em>{inline((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del>{inline((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code>{(t as Tokens.Codespan).text}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const x = t as Tokens.Link;
      const href = safeHref(x.href);
      if (!href) return inline(x.tokens);
      return (
        <a href={href} title={x.title ?? undefined} target="_blank" rel="noopener noreferrer nofollow">
          {inline(x.tokens)}
        </a>
      );
    }
    case 'image': {
      // The CSP loads images from this origin only: an image in a reply is offered as a link.
      const x = t as Tokens.Image;
      const href = safeHref(x.href);
      const label = decodeEntities(x.text) || x.href;
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {label}
        </a>
      ) : (
        label
      );
    }
    case 'html': {
      // Raw HTML is shown as text; a line break is the one tag worth honouring.
      const x = t as Tokens.HTML;
      return /^<br\s*\/?>$/i.test(x.text.trim()) ? <br /> : x.text;
    }
    case 'checkbox':
      return (t as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
    default:
      return 'tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens as Token[]) : 'text' in t && typeof t.text === 'string' ? t.text : null;
  }
}

function blocks(tokens: readonly Token[]): ReactNode {
  return tokens.map((t, i) => <Fragment key={i}>{block(t)}</Fragment>);
}

const HEADINGS = ['h3', 'h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const;

function block(t: Token): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'code': {
      const x = t as Tokens.Code;
      return <CodeBlock code={x.text} lang={fenceLanguage(x.lang)} />;
    }
    case 'heading': {
      const x = t as Tokens.Heading;
      // Replies sit under the page's h1: their headings start one level lower, and stay small.
      const H = HEADINGS[x.depth] ?? 'h6';
      return <H>{inline(x.tokens)}</H>;
    }
    case 'paragraph':
      return <p>{inline((t as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : decodeEntities(x.text);
    }
    case 'blockquote':
      return <blockquote>{blocks((t as Tokens.Blockquote).tokens)}</blockquote>;
    case 'hr':
      return <hr />;
    case 'list': {
      const x = t as Tokens.List;
      const items = x.items.map((item, i) => <li key={i}>{x.loose || item.loose ? blocks(item.tokens) : item.tokens.map((c, j) => <Fragment key={j}>{c.type === 'text' || c.type === 'checkbox' ? inlineToken(c) : block(c)}</Fragment>)}</li>);
      return x.ordered ? <ol start={typeof x.start === 'number' && x.start !== 1 ? x.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table': {
      const x = t as Tokens.Table;
      const cls = (a: Tokens.TableCell['align']) => (a ? `align-${a}` : undefined);
      return (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {x.header.map((c, i) => (
                  <th key={i} className={cls(c.align)}>
                    {inline(c.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {x.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className={cls(c.align)}>
                      {inline(c.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'html':
      return <p className="plain">{(t as Tokens.HTML).text}</p>;
    default:
      return inlineToken(t);
  }
}

/** One top-level block; re-rendered only when its source changed. */
const Block = memo(
  function Block({ token }: { token: Token }) {
    return <>{block(token)}</>;
  },
  (a, b) => a.token.raw === b.token.raw && a.token.type === b.token.type,
);

/** A reply's markdown. */
export function Markdown({ text }: { text: string }) {
  const tokens = useMemo(() => lexMarkdown(text), [text]);
  return (
    <div className="markdown">
      {tokens.map((t, i) => (
        <Block key={`${i}-${t.type}`} token={t} />
      ))}
    </div>
  );
}
