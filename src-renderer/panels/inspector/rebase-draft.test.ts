import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebaseDraft } from './rebase-draft';

describe('rebaseDraft', () => {
  it('keeps what is being typed in one field when the echo of another field’s commit arrives', () => {
    const before = { id: 'service-8002', kind: 'service', type: 'svc', moduleNames: ['module_8002'] };
    // The type was committed ("shop"); the user is typing modules when the echo comes back.
    const draft = { ...before, type: 'shop', moduleNames: ['shop', 'shop_admin'] };
    const echo = { ...before, type: 'shop' };
    expect(rebaseDraft(before, draft, echo)).toEqual({ id: 'service-8002', kind: 'service', type: 'shop', moduleNames: ['shop', 'shop_admin'] });
  });

  it('takes every change made elsewhere to a field the user did not touch, and keeps a field the user cleared cleared', () => {
    const before = { id: 'a', name: 'A', type: 't' as string | undefined };
    const draft = { id: 'a', name: 'A' } as typeof before;
    const after = { id: 'a', name: 'Renamed elsewhere', type: 't' };
    expect(rebaseDraft(before, draft, after)).toEqual({ id: 'a', name: 'Renamed elsewhere' });
  });

  it('with no uncommitted change, the form shows exactly the new value', () => {
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.integer(), fc.string(), fc.array(fc.string())));
    fc.assert(
      fc.property(obj, obj, (before, after) => {
        expect(rebaseDraft(before, { ...before }, after)).toEqual(after);
      }),
    );
  });
});
