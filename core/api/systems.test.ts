// Each mod class offers exactly its node kind's documented interfaces (the interface table).
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../model/schema';
import { API_NAMES, INTERFACES, interfacesFor } from './interfaces';
import { systemClassFor } from './systems';

function methodsOf(cls: abstract new (...args: never[]) => unknown): Set<string> {
  const names = new Set<string>();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) names.add(n);
  }
  return names;
}

describe('mod classes', () => {
  for (const kind of NODE_KINDS) {
    it(`${systemClassFor(kind).name} on a ${kind} has exactly that kind's interfaces`, () => {
      const methods = methodsOf(systemClassFor(kind));
      // masterHttp's two calls live on the module-level `masterHttp` object, as in Apollo.
      const offered = API_NAMES.filter((n) => INTERFACES[n].shape !== 'http' && methods.has(n)).sort();
      const expected = interfacesFor(kind).filter((n) => INTERFACES[n].shape !== 'http').sort();
      expect(offered).toEqual(expected);
    });
  }
});
