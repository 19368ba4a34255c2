import { describe, expect, it } from 'vitest';
import { parseBreakpoint } from '../../core/replay/breakpoints';
import { describeBreakpoint, EMPTY_FORM, matchFromForm } from './breakpoint-form';

describe('breakpoint form', () => {
  it('builds a match from the filled fields only, with JSON or text values', () => {
    expect(matchFromForm({ ...EMPTY_FORM, api: 'NotifyToMaster', path: 'data.uid', value: '101' })).toEqual({ api: 'NotifyToMaster', field: { path: 'data.uid', equals: 101 } });
    expect(matchFromForm({ ...EMPTY_FORM, path: 'data.name', value: 'nickname' })).toEqual({ field: { path: 'data.name', equals: 'nickname' } });
  });

  it('leaves an empty form for core/replay to refuse', () => {
    expect(() => parseBreakpoint({ id: 'x', match: matchFromForm(EMPTY_FORM) })).toThrow(/at least one/);
  });

  it('describes breakpoints in one line', () => {
    expect(describeBreakpoint(parseBreakpoint({ id: 'a', match: { kind: 'timeout' } }))).toBe('any RPC timeout');
    expect(describeBreakpoint(parseBreakpoint({ id: 'b', match: { type: 'send', node: 'lobby-4000' } }))).toBe('send at lobby-4000');
  });
});
