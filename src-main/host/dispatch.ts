// The single entry for every UI request, over IPC or WebSocket: the method must be in the
// contract, its params must pass the contract's zod schema, and errors become error replies.
import { REQUESTS, isRequestMethod, type Reply, type RequestMethod } from '../../core/contract';
import { HostError } from './errors';
import { HANDLERS, type CallContext } from './handlers';
import type { Host } from './host';

export async function dispatch(host: Host, method: unknown, rawParams: unknown, ctx: CallContext): Promise<Reply> {
  if (!isRequestMethod(method)) return { ok: false, error: { code: 'invalid-request', message: `Unknown method ${JSON.stringify(String(method)).slice(0, 120)}` } };
  const parsed = REQUESTS[method].params.safeParse(rawParams ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return { ok: false, error: { code: 'invalid-request', message: `Invalid params for ${method}: ${issues[0]?.path || '(root)'}: ${issues[0]?.message}`, issues } };
  }
  try {
    const handler = HANDLERS[method] as (h: Host, p: unknown, c: CallContext) => unknown;
    const result = await handler(host, parsed.data, ctx);
    return { ok: true, result: result as unknown };
  } catch (err) {
    if (err instanceof HostError) return { ok: false, error: err.toContract() };
    return { ok: false, error: { code: 'failed', message: describe(method, err) } };
  }
}

function describe(method: RequestMethod, err: unknown): string {
  return `${method} failed: ${err instanceof Error ? err.message : String(err)}`;
}
