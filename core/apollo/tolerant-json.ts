// Reading the JSON that Apollo projects carry (deploy.json, mod.json) the way their authors write
// it: comments, trailing commas, duplicate keys ("_comment" is the documented way to annotate) and
// a byte-order mark are accepted, each with a warning naming the line. A syntax error is an error
// finding, and whatever jsonc-parser recovered is still used.
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { findExcessiveNesting, LineIndex, MAX_JSON_DEPTH } from '../model/json-paths';
import type { ApolloFindings, Position } from './findings';

export type JsonPath = (string | number)[];

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const Kind = { CloseBrace: 2, CloseBracket: 4, Comma: 5, LineComment: 12, BlockComment: 13, LineBreak: 14, Trivia: 15, EOF: 17 } as const;

export interface TolerantJson {
  /** The value read (duplicate keys: the last one counts, as with Python's json); undefined when nothing could be read. */
  value: unknown;
  /** Where a path is written: the key of an object member, the value of an array item. */
  at(path: JsonPath): Position | undefined;
}

/** Keys written many times on purpose: the official mod.json convention annotates fields with "_comment". */
function isCommentKey(key: string): boolean {
  return key.startsWith('_comment');
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

export function readTolerantJson(input: string, file: string, f: ApolloFindings): TolerantJson {
  // A byte-order mark is not JSON (Windows editors write one); a space keeps every offset.
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  const lines = new LineIndex(text);
  const positions = new Map<string, number>();
  const at = (path: JsonPath): Position | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const offset = positions.get(JSON.stringify(path.slice(0, n)));
      if (offset !== undefined) return lines.position(offset);
    }
    return undefined;
  };
  const deep = findExcessiveNesting(text);
  if (deep >= 0) {
    f.error(file, lines.position(deep), 'json.too-deep', `nested deeper than ${MAX_JSON_DEPTH} levels; the file is not read`);
    return { value: undefined, at };
  }
  if (text.trim() === '') {
    f.error(file, undefined, 'json.empty', 'the file is empty');
    return { value: undefined, at };
  }

  noteLeniencies(text, lines, file, f);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const first = errors[0];
    const name = printParseErrorCode(first.error);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} after it)` : '';
    f.error(file, lines.position(first.offset), 'json.syntax', `invalid JSON: ${SYNTAX[name] ?? name}${more}; what could be read is used`);
  }
  if (!root) return { value: undefined, at };
  positions.set('[]', root.offset);
  const value = build(root, [], positions, (key, path, offset) => {
    if (!isCommentKey(key)) f.warn(file, lines.position(offset), 'json.duplicate-key', `"${key}" is written twice in ${describe(path)}; the last one counts`);
  });
  return { value, at };
}

function describe(path: JsonPath): string {
  return path.length === 0 ? 'the top-level object' : path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** Comments and trailing commas: accepted, but Apollo's own tools read strict JSON. One warning of each kind. */
function noteLeniencies(text: string, lines: LineIndex, file: string, f: ApolloFindings): void {
  const scanner = createScanner(text, false);
  let comment = -1;
  let comments = 0;
  let trailing = -1;
  let trailingCount = 0;
  let pendingComma = -1;
  for (let kind = scanner.scan(), guard = 0; kind !== Kind.EOF && guard < 10_000_000; kind = scanner.scan(), guard++) {
    if (kind === Kind.LineComment || kind === Kind.BlockComment) {
      comments++;
      if (comment < 0) comment = scanner.getTokenOffset();
      continue;
    }
    if (kind === Kind.Trivia || kind === Kind.LineBreak) continue;
    if ((kind === Kind.CloseBrace || kind === Kind.CloseBracket) && pendingComma >= 0) {
      trailingCount++;
      if (trailing < 0) trailing = pendingComma;
    }
    pendingComma = kind === Kind.Comma ? scanner.getTokenOffset() : -1;
  }
  const more = (n: number): string => (n > 1 ? ` (${n} in this file)` : '');
  if (comment >= 0) f.warn(file, lines.position(comment), 'json.comment', `comment in JSON${more(comments)}: accepted here, but strict JSON readers refuse it`);
  if (trailing >= 0) f.warn(file, lines.position(trailing), 'json.trailing-comma', `trailing comma${more(trailingCount)}: accepted here, but strict JSON readers refuse it`);
}

type OnDuplicate = (key: string, path: JsonPath, offset: number) => void;

function build(node: Node, path: JsonPath, positions: Map<string, number>, onDuplicate: OnDuplicate): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (seen.has(key)) onDuplicate(key, path, prop.offset);
        seen.add(key);
        const sub = [...path, key];
        positions.set(JSON.stringify(sub), prop.offset);
        // defineProperty keeps a "__proto__" key as data.
        Object.defineProperty(out, key, { value: valueNode ? build(valueNode, sub, positions, onDuplicate) : null, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((child, i) => {
        const sub = [...path, i];
        positions.set(JSON.stringify(sub), child.offset);
        return build(child, sub, positions, onDuplicate);
      });
    default:
      return node.value ?? null;
  }
}
