// The renderer's only way to the host: typed requests and pushed events, over Electron IPC
// (window.switchboard from the preload) or the web mode WebSocket. Both speak core/contract.
import type { ContractError, Params, PushMessage, Reply, RequestMethod, Result } from '../../core/contract';

export interface Bridge {
  readonly mode: 'electron' | 'web';
  request<M extends RequestMethod>(method: M, params: Params<M>): Promise<Result<M>>;
  onEvent(listener: (message: PushMessage) => void): () => void;
  /** Fires with false when the connection to the host is lost (web mode). */
  onConnection(listener: (open: boolean) => void): () => void;
}

export class BridgeError extends Error {
  readonly code: ContractError['code'];
  readonly issues: ContractError['issues'];

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

export function unwrap<T>(reply: Reply): T {
  if (!reply.ok) throw new BridgeError(reply.error);
  return reply.result as T;
}
