// The project file (*.switchboard.json), version 1, as a zod schema: the single source of its types
// and of the generated JSON Schema. Identities follow semantics §1, options §4.
import { z } from 'zod';

export const PROJECT_FORMAT = 'switchboard-project';
export const PROJECT_VERSION = 1;

export const NODE_KINDS = ['client', 'proxy', 'lobby', 'game', 'master', 'service'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const id = z.string().min(1).max(200);
const int = z.number().int();

/**
 * An integer beyond 2^53 written in a payload (core/json reads it as a bigint, every digit kept). In
 * the JSON Schema it is an integer.
 */
export const BigInteger = z.bigint();

/** A value built from what triggered a rule: literal JSON, or `{ "$ref": "args.uid" }` anywhere inside. */
export const Template: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), BigInteger, z.string(), z.array(Template), z.record(z.string(), Template)]),
);

/** Arguments of a documented interface, by the parameter names of core/api/interfaces.ts. */
export const CallArgs = z.record(z.string(), Template);

export const CallAction = z.object({
  call: z.string().min(1),
  args: CallArgs.default({}),
  /** Virtual ms to wait before calling; 0 calls at once (still inside the triggering handler). */
  delayMs: z.number().min(0).default(0),
  /** For Request* calls: actions run inside the callback (`$ref: suc` / `data` are available). */
  get onResult() {
    return z.array(CallAction).optional();
  },
});
export type CallAction = z.infer<typeof CallAction>;

export const EventRule = z.object({
  on: z.literal('event'),
  /** The (namespace, systemName) the rule listens to: the sender's, or NeteaseExtraApi/x, or Minecraft/Engine. */
  namespace: z.string().min(1),
  systemName: z.string().min(1),
  event: z.string().min(1),
  priority: int.min(0).max(10).default(0),
  actions: z.array(CallAction).default([]),
});

export const RespondMode = z.enum(['respond', 'never', 'late']);
export const RpcRule = z.object({
  on: z.literal('rpc'),
  /** `mod`: RegisterRpcMethodForMod(method) on a service; `module`: RegisterRpcMethod(module, method). */
  register: z.enum(['mod', 'module']),
  module: z.string().min(1).optional(),
  method: z.string().min(1),
  respond: RespondMode.default('respond'),
  /** Delay before ResponseToServer; with `late` this is usually longer than the caller's timeout. */
  delayMs: z.number().min(0).default(0),
  response: Template.default({}),
  actions: z.array(CallAction).default([]),
});

export const HttpRule = z.object({
  on: z.literal('http'),
  path: z.string().startsWith('/'),
  actions: z.array(CallAction).default([]),
  /** Body given to SendHttpResponse; null sends none. */
  response: Template.default({ code: 0, message: 'success', entity: {} }),
});

export const Rule = z.discriminatedUnion('on', [EventRule, RpcRule, HttpRule]);
export type Rule = z.infer<typeof Rule>;
export type EventRule = z.infer<typeof EventRule>;
export type RpcRule = z.infer<typeof RpcRule>;
export type HttpRule = z.infer<typeof HttpRule>;

export const ModSystem = z.object({
  namespace: z.string().min(1),
  systemName: z.string().min(1),
  rules: z.array(Rule).default([]),
});
export type ModSystem = z.infer<typeof ModSystem>;

export const Position = z.object({ x: z.number(), y: z.number() });

export const NodeSpec = z.object({
  id,
  kind: z.enum(NODE_KINDS),
  name: z.string().optional(),
  /** proxy, lobby, game, master (0), service. */
  serverId: int.optional(),
  /** lobby/game server type, or the service "Type" RequestToServiceMod addresses. */
  type: z.string().min(1).optional(),
  /** service (and master): modules RequestToService addresses. */
  moduleNames: z.array(z.string().min(1)).optional(),
  /** client: global NetEase uid. */
  uid: int.optional(),
  /** client: serverId of the proxy its session is attached to. */
  proxy: int.optional(),
  /** client: serverId of the lobby/game it is on at t=0; absent = not logged in. */
  server: int.optional(),
  /** client: playerId on its first server (later joins get new ones). */
  playerId: z.string().min(1).optional(),
  systems: z.array(ModSystem).default([]),
  /**
   * Apollo mod folders (paths relative to the project file) whose Python mods run on this node:
   * `developer_mods/` for lobby/game/master/service. Clients run the `behavior_packs/` client
   * mods of every lobby/game mod folder when options.clientMods is on.
   */
  mods: z.array(z.string().min(1)).optional(),
  position: Position.optional(),
});
export type NodeSpec = z.infer<typeof NodeSpec>;

export const LinkSpec = z.object({
  a: id,
  b: id,
  latencyMs: z.number().min(0).optional(),
  jitterMs: z.number().min(0).optional(),
  loss: z.number().min(0).max(1).optional(),
});
export type LinkSpec = z.infer<typeof LinkSpec>;

export const Options = z.object({
  /** §4: a service's BroadcastToService reaches the sender too. */
  broadcastIncludesSender: z.boolean().default(true),
  /**
   * §2: which listeners hear a message sent with a fixed NeteaseExtraApi pair (NotifyToMaster from a
   * service, NotifyToServiceNode from a server, BroadcastToService). "reference": only that pair;
   * "lenient": that pair or the sender's own (namespace, systemName), as real plugins listen.
   */
  listenerMatch: z.enum(['reference', 'lenient']).default('reference'),
  /** §4: which of several owners of a module/type answers an RPC. */
  rpcOwner: z.enum(['lowest-id', 'round-robin', 'random']).default('lowest-id'),
  /** Latency of every implied link the project does not list. */
  defaultLatencyMs: z.number().min(0).default(5),
  defaultJitterMs: z.number().min(0).default(0),
  defaultLoss: z.number().min(0).max(1).default(0),
  /** How long a transfer keeps a player between servers (messages to it drop as `in-transfer`). */
  transferMs: z.number().min(0).default(50),
  /** Python mods: how often each system's Update() runs, per virtual second (0 = never). */
  serverTickHz: z.number().min(0).max(1000).default(30),
  /** Python mods: virtual ms before a redisPool / mysqlPool Async* call answers through its callback. */
  storageLatencyMs: z.number().min(0).default(3),
  /** Python mods: cap on the simulated Redis's bytes, and on the simulated MySQL's (writes past it fail as on a full server). */
  storageMaxBytes: z.number().int().min(1024).default(64 * 1024 * 1024),
  /** Python mods: cap on the simulated MySQL's rows over all tables ("The table 'x' is full" past it). */
  storageMaxRows: z.number().int().min(1).default(200_000),
  /** Python mods: run the client mods (behavior_packs) for every simulated client. */
  clientMods: z.boolean().default(false),
  /** Python mods: what time.time() reads at virtual 0, in ms since 1970 (default 2026-01-01T00:00:00Z). */
  clockEpochMs: z.number().int().min(0).default(1767225600000),
  /**
   * Queue items the engine processes at one virtual instant before it stops the run as a livelock
   * (an `error` event with reason `livelock` naming the cycle): zero-latency ping-pong never ends.
   */
  maxEventsPerInstant: z.number().int().min(1).default(100000),
});
export type Options = z.infer<typeof Options>;

const at = z.number().min(0);
export const ScenarioStep = z.discriminatedUnion('do', [
  z.object({ at, do: z.literal('call'), node: id, system: z.string().optional(), api: z.string().min(1), args: CallArgs.default({}) }),
  z.object({ at, do: z.literal('login'), client: id, server: int.optional() }),
  z.object({ at, do: z.literal('transfer'), client: id, server: int.optional(), type: z.string().optional() }),
  z.object({ at, do: z.literal('logout'), client: id }),
  z.object({ at, do: z.literal('stop'), node: id }),
  z.object({ at, do: z.literal('start'), node: id }),
  z.object({ at, do: z.literal('cut'), a: id, b: id }),
  z.object({ at, do: z.literal('restore'), a: id, b: id }),
  z.object({ at, do: z.literal('loss'), a: id, b: id, loss: z.number().min(0).max(1) }),
  z.object({ at, do: z.literal('http'), path: z.string().startsWith('/'), body: z.string().default('{}') }),
  /** Call a method of a mod system on a node by name (Python mods, or TypeScript systems). */
  z.object({ at, do: z.literal('invoke'), node: id, namespace: z.string().min(1), systemName: z.string().min(1), method: z.string().min(1), args: z.array(Template).default([]) }),
]);
export type ScenarioStep = z.infer<typeof ScenarioStep>;

export const Scenario = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Virtual ms the run lasts; default: last step + 5 s (long enough for default timeouts). */
  durationMs: z.number().min(0).optional(),
  /** Every non-client node begins stopped; `start` steps bring them up (how a real network boots). */
  startStopped: z.boolean().optional(),
  steps: z.array(ScenarioStep).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export const Project = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  options: Options.default(Options.parse({})),
  /** Where the project was imported from: the Apollo folder holding deploy.json, relative to this file. */
  apollo: z.object({ root: z.string().min(1) }).optional(),
  nodes: z.array(NodeSpec),
  links: z.array(LinkSpec).default([]),
  scenarios: z.array(Scenario).default([]),
});
export type Project = z.infer<typeof Project>;
/** What a file may omit (defaults fill it in). */
export type ProjectInput = z.input<typeof Project>;
