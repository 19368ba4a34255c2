// Issue item 10: any input to the project parser yields a value or typed errors, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from './issues';
import { sampleProject } from './testing/sample-project';
import { validateProject, validateProjectText } from './validate';

function wellFormed(r: ValidationResult, text?: string): void {
  const issues = r.ok ? r.warnings : [...r.errors, ...r.warnings];
  if (r.ok) expect(r.project.format).toBe('switchboard-project');
  else expect(r.errors.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.code).not.toBe('internal');
    expect(i.path.startsWith('$')).toBe(true);
    expect(i.message.length).toBeGreaterThan(0);
    if (i.line !== undefined && text !== undefined) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.line).toBeLessThanOrEqual(text.split('\n').length);
      expect(i.column).toBeGreaterThanOrEqual(1);
    }
  }
}

type Json = unknown;
type Mutation = { at: number; op: 'delete' | 'replace' | 'duplicate'; value: Json };

/** Every container path in a JSON value, in a fixed order. */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

const clone = (v: Json): Json => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function mutate(root: Json, m: Mutation): Json {
  const all = paths(root).filter((p) => p.length > 0);
  if (all.length === 0) return root;
  const path = all[m.at % all.length];
  let parent = root as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
  const key = path[path.length - 1];
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'replace') parent[key] = m.value;
  else if (Array.isArray(parent)) parent.push(clone(parent[key as number]));
  else parent[`${String(key)}_`] = clone(parent[key]);
  return root;
}

const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('delete' as const, 'replace' as const, 'duplicate' as const), value: fc.jsonValue({ maxDepth: 3 }) });

describe('project parser fuzz', () => {
  it('any string → a result, never an exception', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 4 })), (text) => {
      wellFormed(validateProjectText(text), text);
    }), { numRuns: 400 });
  });

  it('any JSON value → a result, never an exception', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
      wellFormed(validateProject(v));
      const text = JSON.stringify(v, null, 1);
      wellFormed(validateProjectText(text), text);
    }), { numRuns: 300 });
  });

  it('mutated valid projects → a result, with every issue located in the text', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (ms, pretty) => {
      let p: Json = sampleProject();
      for (const m of ms) p = mutate(p, m);
      const text = JSON.stringify(p, null, pretty ? 2 : undefined) ?? 'null';
      const r = validateProjectText(text);
      wellFormed(r, text);
      if (!r.ok) for (const e of r.errors) expect(e.line).toBeDefined();
    }), { numRuns: 500 });
  });

  it('truncated valid projects → a syntax error at a line of the text', () => {
    const text = JSON.stringify(sampleProject(), null, 2);
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length - 1 }), (n) => {
      const cut = text.slice(0, n);
      const r = validateProjectText(cut);
      wellFormed(r, cut);
      expect(r.ok).toBe(false);
    }), { numRuns: 200 });
  });
});
