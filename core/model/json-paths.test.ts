import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, formatPath, JsonDocument, LineIndex } from './json-paths';

describe('formatPath', () => {
  it('writes identifiers with dots, indexes in brackets, other keys quoted', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['nodes', 3, 'serverId'])).toBe('$.nodes[3].serverId');
    expect(formatPath(['args', 'a.b', 'x y', ''])).toBe('$.args["a.b"]["x y"][""]');
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based line and column', () => {
    const idx = new LineIndex('ab\ncd\n\nx');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(4)).toEqual({ line: 2, column: 2 });
    expect(idx.position(7)).toEqual({ line: 4, column: 1 });
  });
});

describe('JsonDocument', () => {
  const text = '{\n  "nodes": [\n    { "id": "a" },\n    { "id": "b", "serverId": 1.5 }\n  ]\n}';

  it('locates a property at its key and an array item at its value', () => {
    const doc = new JsonDocument(text);
    expect(doc.syntaxErrors).toEqual([]);
    expect(doc.locate(['nodes', 1, 'serverId'])).toEqual({ line: 4, column: 18 });
    expect(doc.locate(['nodes', 1])).toEqual({ line: 4, column: 5 });
  });

  it('points a missing field at its nearest written ancestor', () => {
    const doc = new JsonDocument(text);
    expect(doc.locate(['nodes', 0, 'kind'])).toEqual({ line: 3, column: 5 });
    expect(doc.locate(['nope', 7])).toEqual({ line: 1, column: 1 });
  });

  it('reports strict-JSON syntax errors with line and column', () => {
    const doc = new JsonDocument('{\n  "a": 1,\n}');
    expect(doc.syntaxErrors[0]).toMatchObject({ line: 3, column: 1, message: 'expected a property name in double quotes' });
    expect(new JsonDocument('{ // c\n}').syntaxErrors[0].message).toBe('comments are not allowed in JSON');
  });

  it('finds keys written twice', () => {
    const doc = new JsonDocument('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}');
    expect(doc.duplicateKeys().map((d) => formatPath(d.path))).toEqual(['$.b.c', '$.a']);
  });
});

describe('findExcessiveNesting', () => {
  it('finds the bracket that goes too deep, ignoring brackets in strings', () => {
    expect(findExcessiveNesting('[[[]]]', 3)).toBe(-1);
    expect(findExcessiveNesting('[[[[]]]]', 3)).toBe(3);
    expect(findExcessiveNesting('["[[[[\\"[[[["]', 3)).toBe(-1);
  });
});
