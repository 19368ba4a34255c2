// Python values JSON cannot carry arrive as {"$unsendable": type, "repr": ...} (PROTOCOL.md). The
// engine refuses such a call as a misuse naming the exact path, as it does for TypeScript values.
import { INTERFACES, type ApiName } from '../api/interfaces';

interface Unsendable {
  $unsendable: string;
  repr?: string;
}

function isUnsendable(v: unknown): v is Unsendable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Unsendable).$unsendable === 'string';
}

function find(v: unknown, path: string, depth: number): string | null {
  if (isUnsendable(v)) return `${path}: a Python ${v.$unsendable}${v.repr ? ` (${v.repr})` : ''} cannot be sent (JSON values only: dict, list, str, int, float, bool, None)`;
  if (typeof v !== 'object' || v === null || depth > 200) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = find(v[i], `${path}[${i}]`, depth + 1);
      if (r) return r;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    const r = find((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
    if (r) return r;
  }
  return null;
}

/** The first unsendable value among a call's arguments, as "eventData.items[3]: …", or null. */
export function unsendablePath(args: readonly unknown[], api: ApiName): string | null {
  const params = INTERFACES[api].params;
  for (let i = 0; i < args.length; i++) {
    const r = find(args[i], params[i]?.name ?? `argument ${i + 1}`, 0);
    if (r) return r;
  }
  return null;
}
