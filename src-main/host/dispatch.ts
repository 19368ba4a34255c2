// The single entry for every UI request, over IPC or WebSocket: the method must be in the
// contract, its params must pass the contract's limits and zod schema, and errors become error
// replies. Nothing a request carries can throw out of here: the whole of it runs inside the guard.
import { REQUESTS, isRequestMethod, type Reply, type RequestMethod } from '../../core/contract';
import { LIMITS, findTooDeep, tooDeepMessage } from '../../core/limits';
import { HostError } from './errors';
import { HANDLERS, type CallContext } from './handlers';
import type { Host } from './host';

export async function dispatch(host: Host, method: unknown, rawParams: unknown, ctx: CallContext): Promise<Reply> {
  try {
    if (!isRequestMethod(method)) return invalid(`Unknown method ${JSON.stringify(String(method)).slice(0, 120)}`);
    // Before zod: its recursive schemas (rule templates) would overflow the stack on deep input.
    const deep = findTooDeep(rawParams, LIMITS.requestDepth);
    if (deep) return invalid(tooDeepMessage(`${method} params`, LIMITS.requestDepth, deep));
    const parsed = REQUESTS[method].params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, error: { code: 'invalid-request', message: `Invalid params for ${method}: ${issues[0]?.path || '(root)'}: ${issues[0]?.message}`, issues } };
    }
    const handler = HANDLERS[method] as (h: Host, p: unknown, c: CallContext) => unknown;
    const result = await handler(host, parsed.data, ctx);
    return { ok: true, result: result as unknown };
  } catch (err) {
    if (err instanceof HostError) return { ok: false, error: err.toContract() };
    // Not an expected refusal: a bug or a fault (a full disk, a stack overflow in a mod). The host
    // logs it, tells every UI and pauses the session; the caller gets the error as its reply.
    const name = isRequestMethod(method) ? method : 'request';
    host.fail(`The request ${name}`, err);
    return { ok: false, error: { code: 'failed', message: describe(name, err) } };
  }
}

function invalid(message: string): Reply {
  return { ok: false, error: { code: 'invalid-request', message } };
}

function describe(method: RequestMethod | 'request', err: unknown): string {
  return `${method} failed: ${err instanceof Error ? err.message : String(err)}`;
}
