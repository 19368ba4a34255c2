// zod schemas for what a trace file's lines must hold (the reader's per-line check). Unknown keys
// are kept, so a trace from a newer build with extra fields still reads.
import { z } from 'zod';
import { Options } from '../model/schema';
import { EVENT_TYPES, RPC_STATES, TRACE_FORMAT, TRACE_VERSION } from './event';

const int = z.number().int();
const str = z.string();

export const RpcRefSchema = z.looseObject({
  id: int,
  state: z.enum(RPC_STATES),
  callbackId: int.optional(),
  requester: int.optional(),
  deadline: z.number().optional(),
});

export const TraceEventSchema = z.looseObject({
  seq: int.min(0),
  t: z.number().min(0),
  type: z.enum(EVENT_TYPES),
  api: str.optional(),
  from: str.optional(),
  to: str.optional(),
  event: str.optional(),
  data: z.unknown().optional(),
  rpc: RpcRefSchema.optional(),
  cause: int.min(0).optional(),
  reason: str.optional(),
  targets: z.array(str).optional(),
  path: z.array(str).optional(),
  ns: str.optional(),
  sys: str.optional(),
  suc: z.boolean().optional(),
  at: str.optional(),
  arrive: z.number().optional(),
  detail: str.optional(),
});

export const TraceHeaderSchema = z.looseObject({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  project: str,
  seed: z.number(),
  scenario: str.nullable(),
  options: Options,
  nodes: z
    .array(z.looseObject({ id: str, kind: str, serverId: int.optional(), type: str.optional(), name: str.optional(), moduleNames: z.array(str).optional(), uid: int.optional(), proxy: int.optional() }))
    .optional(),
});
