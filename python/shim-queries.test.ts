// Every identity question the Python shim asks the engine (`call`, via _sb.query) is one
// core/mods/queries.ts answers: a name missing there would silently become a stub.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUERY_NAMES } from '../core/mods/queries';

const HERE = dirname(fileURLToPath(import.meta.url));

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

describe('shim queries', () => {
  it('asks the engine only what core/mods/queries.ts answers', () => {
    const asked = new Set<string>();
    for (const file of [...pythonFiles(join(HERE, 'shim')), ...pythonFiles(join(HERE, 'runner'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/query\('([A-Za-z]+)'/g)) asked.add(m[1]);
    }
    expect(asked.size).toBeGreaterThan(20);
    expect([...asked].filter((name) => !QUERY_NAMES.includes(name))).toEqual([]);
  });
});
