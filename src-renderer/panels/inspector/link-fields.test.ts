import { describe, expect, it } from 'vitest';
import { parseLinkField } from './link-fields';

describe('connection fields', () => {
  it('accepts empty (default) and numbers ≥ 0, loss up to 1', () => {
    expect(parseLinkField('latencyMs', '')).toEqual({ ok: true, value: undefined });
    expect(parseLinkField('latencyMs', ' 1500 ')).toEqual({ ok: true, value: 1500 });
    expect(parseLinkField('loss', '0.25')).toEqual({ ok: true, value: 0.25 });
  });
  it('names what is wrong', () => {
    expect(parseLinkField('latencyMs', '12a')).toEqual({ ok: false, message: 'must be a number' });
    expect(parseLinkField('jitterMs', '-1')).toEqual({ ok: false, message: 'must be ≥ 0' });
    expect(parseLinkField('loss', '2')).toMatchObject({ ok: false, message: /between 0 and 1/ });
  });
});
