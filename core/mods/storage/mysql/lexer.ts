// MySQL's lexical rules (default sql_mode): '...' and "..." strings with backslash escapes and
// doubled quotes, `backtick` identifiers, numbers, comments (--, #, /* */), operators. Bound
// parameters arrive as their own segments and become `param` tokens, never text.
import { isParam, type BoundParam, type ParamValue, type Segment } from './bind';
import { err, type MysqlError } from './errors';

export type Token =
  | { kind: 'word'; text: string; upper: string; quoted: boolean; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'param'; value: ParamValue; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'eof'; at: number };

/** The most tokens one statement may have (every loop has a bound). */
export const MAX_TOKENS = 200_000;

const OPS = ['<=>', '<=', '>=', '<>', '!=', '<<', '>>', '&&', '||', ':=', '=', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', ',', '.', ';', '~', '&', '|', '^', '@', '?', '{', '}', '[', ']'];

const isIdentChar = (c: string): boolean => /[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) >= 0x80;

/** The text a syntax error quotes: MySQL shows the rest of the statement from the bad token. */
export function nearText(source: string, at: number): string {
  return source.slice(at, at + 80);
}

export function lineOf(source: string, at: number): number {
  let n = 1;
  for (let i = 0; i < at && i < source.length; i++) if (source[i] === '\n') n++;
  return n;
}

export function tokenize(segments: Segment[]): { tokens: Token[]; source: string } {
  const tokens: Token[] = [];
  // Offsets are in the SQL text as written (placeholders shown as %s).
  let source = '';
  const push = (t: Token): void => {
    if (tokens.length >= MAX_TOKENS) throw err.notSimulated(`a statement of more than ${MAX_TOKENS} tokens`);
    tokens.push(t);
  };
  segments.forEach((seg, k) => {
    if (isParam(seg)) {
      push(paramToken(seg, source.length));
      source += '%s';
      return;
    }
    const base = source.length;
    source += seg;
    const next = segments[k + 1];
    lexText(seg, base, push, next !== undefined && isParam(next));
  });
  tokens.push({ kind: 'eof', at: source.length });
  return { tokens, source };
}

function paramToken(p: BoundParam, at: number): Token {
  return { kind: 'param', value: p.value, at };
}

function lexText(s: string, base: number, push: (t: Token) => void, beforeParam: boolean): void {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const at = base + i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '#' || (c === '-' && s[i + 1] === '-' && (i + 2 >= s.length || /\s/.test(s[i + 2])))) {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) throw err.syntax(s.slice(i, i + 80), 1);
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const r = readString(s, i, beforeParam);
      push({ kind: 'string', value: r.value, at });
      i = r.end;
      continue;
    }
    if (c === '`') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= s.length) throw unterminated(s, i, false);
        if (s[j] === '`') {
          if (s[j + 1] === '`') {
            text += '`';
            j += 2;
            continue;
          }
          break;
        }
        text += s[j++];
      }
      push({ kind: 'word', text, upper: text.toUpperCase(), quoted: true, at });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(0x[0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\.)/.exec(s.slice(i));
      const text = m ? m[0] : c;
      // A run like 1abc is an identifier in MySQL; numbers end where letters start otherwise.
      if (i + text.length < s.length && isIdentChar(s[i + text.length]) && !/^0x/i.test(text)) {
        let j = i;
        while (j < s.length && isIdentChar(s[j])) j++;
        const word = s.slice(i, j);
        push({ kind: 'word', text: word, upper: word.toUpperCase(), quoted: false, at });
        i = j;
        continue;
      }
      push({ kind: 'number', text, at });
      i += text.length;
      continue;
    }
    if (isIdentChar(c)) {
      let j = i;
      while (j < s.length && isIdentChar(s[j])) j++;
      const text = s.slice(i, j);
      push({ kind: 'word', text, upper: text.toUpperCase(), quoted: false, at });
      i = j;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op === undefined) throw err.syntax(s.slice(i, i + 80), 1);
    push({ kind: 'op', text: op, at });
    i += op.length;
  }
}

const ESCAPES: Record<string, string> = { '0': '\0', "'": "'", '"': '"', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '\\': '\\', '%': '\\%', _: '\\_' };

function readString(s: string, start: number, beforeParam: boolean): { value: string; end: number } {
  const q = s[start];
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw unterminated(s, start, beforeParam);
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (n === undefined) throw unterminated(s, start, beforeParam);
      value += ESCAPES[n] ?? n;
      i += 2;
      continue;
    }
    if (c === q) {
      if (s[i + 1] === q) {
        value += q;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
}

function unterminated(s: string, i: number, beforeParam: boolean): MysqlError {
  // A %s inside quotes lands here: MySQLdb would have pasted a quoted literal into the string.
  if (beforeParam) {
    return err.notSimulated('a %s placeholder inside a quoted SQL string (MySQLdb would paste a quoted literal there; write the placeholder without quotes)');
  }
  return err.syntax(s.slice(i, i + 80), 1);
}
