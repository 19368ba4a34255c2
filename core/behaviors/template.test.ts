// Rule templates: `{ "$ref": "args.x" }` anywhere in a JSON value is replaced by what the trigger gave.
import { describe, expect, it } from 'vitest';
import { resolveTemplate } from './template';

describe('resolveTemplate', () => {
  const ctx = { args: { uid: 123, name: 'nickname', nested: { list: [1, 2] } }, serverId: 4000 };

  it('replaces refs at any depth and keeps literals', () => {
    expect(resolveTemplate({ a: { $ref: 'args.uid' }, b: [{ $ref: 'serverId' }, 'x'], c: { d: { $ref: 'args.nested.list' } } }, ctx))
      .toEqual({ a: 123, b: [4000, 'x'], c: { d: [1, 2] } });
  });

  it('a ref to something missing becomes null; an object with more keys than $ref is a literal', () => {
    expect(resolveTemplate({ $ref: 'args.nope.deeper' }, ctx)).toBeNull();
    expect(resolveTemplate({ $ref: 'args.uid', other: 1 }, ctx)).toEqual({ $ref: 'args.uid', other: 1 });
  });

  it('keeps a "__proto__" key as data', () => {
    const t = JSON.parse('{"__proto__": {"$ref": "args.uid"}}') as unknown;
    expect(JSON.stringify(resolveTemplate(t, ctx))).toBe('{"__proto__":123}');
  });
});
