/**
 * A small arithmetic evaluator (recursive descent): numbers, + - * / % ^, unary minus and
 * parentheses. Never eval: the expression comes from a model.
 */
export function evaluateExpression(input: string): number {
  const src = input.replace(/\s+/g, '');
  if (src.length === 0) throw new Error('empty expression');
  if (src.length > 1000) throw new Error('expression too long');
  let pos = 0;
  let depth = 0;

  const peek = () => src[pos];
  const expect = (c: string) => {
    if (src[pos] !== c) throw new Error(`expected "${c}" at ${pos + 1}`);
    pos++;
  };

  function expr(): number {
    let v = term();
    while (peek() === '+' || peek() === '-') v = src[pos++] === '+' ? v + term() : v - term();
    return v;
  }
  function term(): number {
    let v = power();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = src[pos++];
      const r = power();
      if ((op === '/' || op === '%') && r === 0) throw new Error('division by zero');
      v = op === '*' ? v * r : op === '/' ? v / r : v % r;
    }
    return v;
  }
  function power(): number {
    const base = unary();
    if (peek() === '^') {
      pos++;
      return base ** power();
    }
    return base;
  }
  function unary(): number {
    if (peek() === '-') {
      pos++;
      return -unary();
    }
    if (peek() === '+') {
      pos++;
      return unary();
    }
    return atom();
  }
  function atom(): number {
    if (peek() === '(') {
      if (++depth > 100) throw new Error('too deeply nested');
      pos++;
      const v = expr();
      expect(')');
      depth--;
      return v;
    }
    const m = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(pos));
    if (!m) throw new Error(`unexpected "${peek() ?? 'end'}" at ${pos + 1}`);
    pos += m[0].length;
    return Number(m[0]);
  }

  const value = expr();
  if (pos !== src.length) throw new Error(`unexpected "${src[pos]}" at ${pos + 1}`);
  if (!Number.isFinite(value)) throw new Error('result is not a finite number');
  return value;
}
