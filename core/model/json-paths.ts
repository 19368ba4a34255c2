// JSON paths (`$.nodes[3].serverId`) and where they sit in a file's text, so every validation issue
// can name its field and line. Positions come from jsonc-parser's tree, in strict-JSON mode.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type PathSegment = string | number;

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like every JS string index. */
  column: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['nodes', 3, 'serverId']` → `$.nodes[3].serverId`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && IDENTIFIER.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** Maps string offsets to line/column; built once per text (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/** Deepest nesting a project may use; deeper text is refused before any recursive parser sees it. */
export const MAX_JSON_DEPTH = 200;

/**
 * Offset of the first bracket that opens nesting deeper than `limit`, or -1. A plain scan (strings
 * skipped) so that JSON.parse, jsonc-parser and zod, which all recurse, never meet such input.
 */
export function findExcessiveNesting(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return -1;
}

export interface SyntaxIssue extends TextPosition {
  offset: number;
  message: string;
}

/** A parsed JSON text: its tree for locating paths, and its syntax errors if any. */
export class JsonDocument {
  readonly lines: LineIndex;
  readonly root: Node | undefined;
  readonly syntaxErrors: SyntaxIssue[];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    const errors: ParseError[] = [];
    // Strict JSON: the file must also load with JSON.parse, so no comments or trailing commas.
    this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    this.syntaxErrors = errors.map((e) => {
      const name = printParseErrorCode(e.error);
      return { offset: e.offset, ...this.lines.position(e.offset), message: SYNTAX_MESSAGES[name] ?? name };
    });
  }

  /**
   * Where `path` is written: the property key for an object member, the value for an array item.
   * A path that is not in the text (a missing required field) points at its nearest written ancestor.
   */
  locate(path: readonly PropertyKey[]): TextPosition | undefined {
    if (!this.root) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const segs = path.slice(0, n);
      if (!segs.every((s): s is PathSegment => typeof s === 'string' || typeof s === 'number')) continue;
      const node = findNodeAtLocation(this.root, segs);
      if (!node) continue;
      const anchor = node.parent?.type === 'property' ? node.parent : node;
      return this.lines.position(anchor.offset);
    }
    return undefined;
  }

  /** Keys written twice in one object (JSON.parse silently keeps the last). */
  duplicateKeys(): { path: PathSegment[]; key: string; position: TextPosition }[] {
    const out: { path: PathSegment[]; key: string; position: TextPosition }[] = [];
    if (!this.root) return out;
    // Iterative walk: deeply nested input must not overflow the stack.
    const stack: { node: Node; path: PathSegment[] }[] = [{ node: this.root, path: [] }];
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      const children = node.children ?? [];
      if (node.type === 'object') {
        const seen = new Set<string>();
        for (const prop of children) {
          const [keyNode, valueNode] = prop.children ?? [];
          if (!keyNode || typeof keyNode.value !== 'string') continue;
          const key = keyNode.value;
          if (seen.has(key)) out.push({ path: [...path, key], key, position: this.lines.position(prop.offset) });
          seen.add(key);
          if (valueNode) stack.push({ node: valueNode, path: [...path, key] });
        }
      } else if (node.type === 'array') {
        children.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      }
    }
    return out.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  }
}
