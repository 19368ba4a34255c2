import { describe, expect, it } from 'vitest';
import { PUSH_EVENTS, PUSHES, REQUEST_METHODS, REQUESTS, isRequestMethod } from './index';

describe('the UI ↔ host contract', () => {
  it('has a schema for every allow-listed method and pushed event, and nothing else', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...REQUEST_METHODS].sort());
    expect(Object.keys(PUSHES).sort()).toEqual([...PUSH_EVENTS].sort());
  });

  it('recognises only its own method names', () => {
    expect(isRequestMethod('session.run')).toBe(true);
    expect(isRequestMethod('constructor')).toBe(false);
    expect(isRequestMethod('__proto__')).toBe(false);
    expect(isRequestMethod(42)).toBe(false);
  });

  it('takes no file paths from the UI', () => {
    for (const m of REQUEST_METHODS) {
      const shape = (REQUESTS[m].params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      expect(Object.keys(shape)).not.toContain('path');
      expect(Object.keys(shape)).not.toContain('file');
    }
  });
});
