// Envelopes: the same request/reply/push shapes travel over Electron IPC and the WebSocket.
import { z } from 'zod';
import { ContractError } from './values';
import type { PushMessage } from './pushes';

/** What the UI sends (over IPC the `id` is not needed; invoke pairs replies itself). */
export const WireRequest = z.object({
  kind: z.literal('request'),
  id: z.number().int().min(0),
  method: z.string().max(100),
  params: z.unknown(),
}).strict();
export type WireRequest = z.infer<typeof WireRequest>;

export const IpcRequest = z.object({ method: z.string().max(100), params: z.unknown() }).strict();
export type IpcRequest = z.infer<typeof IpcRequest>;

export type Reply = { ok: true; result: unknown } | { ok: false; error: ContractError };
export type WireReply = { kind: 'reply'; id: number } & Reply;
export type WirePush = { kind: 'event' } & PushMessage;
export type WireFromHost = WireReply | WirePush;

/** The API the Electron preload exposes as `window.switchboard`. */
export interface PreloadApi {
  request(method: string, params: unknown): Promise<Reply>;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (message: PushMessage) => void): () => void;
}
