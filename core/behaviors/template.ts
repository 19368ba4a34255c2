// Values in rules are JSON with `{ "$ref": "args.uid" }` anywhere inside: the ref is replaced by
// what the trigger provides (args of an event, serverId/callbackId/args of an RPC, body/clientId of
// an HTTP request, suc/data of a callback, node = this node's identity).

export type TemplateContext = Record<string, unknown>;

function lookup(ctx: TemplateContext, path: string): unknown {
  let v: unknown = ctx;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function isRef(v: unknown): v is { $ref: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $ref?: unknown }).$ref === 'string' && Object.keys(v).length === 1;
}

/** Build a value from a template; a ref to something missing becomes null. */
export function resolveTemplate(t: unknown, ctx: TemplateContext): unknown {
  if (isRef(t)) {
    const v = lookup(ctx, t.$ref);
    return v === undefined ? null : v;
  }
  if (Array.isArray(t)) return t.map((x) => resolveTemplate(x, ctx));
  if (t !== null && typeof t === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t)) {
      const r = resolveTemplate(v, ctx);
      // "__proto__" from a JSON file is a key like any other, never a prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
      else out[k] = r;
    }
    return out;
  }
  return t;
}
