// stringifyJson: JSON.stringify, except that a `bigint` is written as its plain digits. Values
// without a bigint take the native path; the rest go through a writer with JSON.stringify's rules
// (toJSON, undefined/function/symbol omitted in objects and null in arrays, non-finite → null,
// indentation).

export function stringifyJson(value: unknown, indent?: number | string): string {
  try {
    return JSON.stringify(value, undefined, indent);
  } catch (e) {
    if (!(e instanceof TypeError) || !/BigInt/i.test(e.message)) throw e;
  }
  const gap = typeof indent === 'number' ? ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent)))) : typeof indent === 'string' ? indent.slice(0, 10) : '';
  return write(value, '', gap, new Set()) ?? 'undefined';
}

function write(v: unknown, key: string, gap: string, seen: Set<object>, indent = ''): string | undefined {
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  switch (typeof v) {
    case 'bigint':
      return v.toString();
    case 'string':
    case 'boolean':
    case 'number':
      return JSON.stringify(v);
    case 'object': {
      if (v === null) return 'null';
      if (seen.has(v)) throw new TypeError('Converting circular structure to JSON');
      seen.add(v);
      const inner = indent + gap;
      const sep = gap ? `,\n${inner}` : ',';
      const open = gap ? `\n${inner}` : '';
      const close = gap ? `\n${indent}` : '';
      let out: string;
      if (Array.isArray(v)) {
        const parts = v.map((item, i) => write(item, String(i), gap, seen, inner) ?? 'null');
        out = parts.length ? `[${open}${parts.join(sep)}${close}]` : '[]';
      } else {
        const parts: string[] = [];
        for (const k of Object.keys(v)) {
          const s = write((v as Record<string, unknown>)[k], k, gap, seen, inner);
          if (s !== undefined) parts.push(`${JSON.stringify(k)}:${gap ? ' ' : ''}${s}`);
        }
        out = parts.length ? `{${open}${parts.join(sep)}${close}}` : '{}';
      }
      seen.delete(v);
      return out;
    }
    default:
      return undefined; // undefined, function, symbol
  }
}
