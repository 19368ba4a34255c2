// What the Problems view shows: problems of a run grouped by cause, each with an explanation, a
// "did you mean" where the topology and the registered listeners and methods offer one, and the
// seqs of the trace events it stands for.

export const PROBLEM_KINDS = [
  'wrong-sender', // a listener for the same event names a pair close to the one that was sent
  'listener-match', // a listener uses the sender's own pair where the reference names NeteaseExtraApi/x
  'unhandled', // delivered, nobody listens
  'no-route', // RequestToService(Mod) to a module / type nobody owns
  'no-handler', // the owner registered no method for it
  'no-response', // the handler ran and never called ResponseToServer: the callback timed out
  'timeout', // any other RPC timeout (request or response lost, too slow)
  'wrong-target', // a serverId that is not the kind of node the interface reaches
  'client-moved', // a message to a client mid-transfer, on another server, or not on that proxy
  'drop', // any other drop (loss, cut link, stopped node, no target)
  'response', // late / duplicate / unexpected response, response without callback
  'misuse', // a wrong call (semantics §5)
  'mod-error', // a handler raised (Python traceback in data)
  'not-simulated', // a mod used an API the simulator only stubs
  'non-dict-payload', // eventData that is not a dict (delivered unchanged)
  'http', // a POST to a master path nobody registered, or to a stopped master
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface ProblemGroup {
  /** Stable id of the cause (kind + what identifies it); the same cause keeps its key as events stream in. */
  key: string;
  kind: ProblemKind;
  /** One line: what went wrong. */
  title: string;
  /** Why, in the reference's terms. */
  explanation: string;
  /** What to change ("did you mean ..."), when something in the topology or registrations points to it. */
  suggestion?: string;
  /** seqs of the trace events that show it, in trace order. */
  events: number[];
}

/** The topology facts suggestions need; from the project when there is one, else the trace header. */
export interface ProblemNode {
  id: string;
  kind: string;
  serverId?: number;
  type?: string;
  moduleNames?: readonly string[];
  uid?: number;
}

export interface ProblemContext {
  nodes: readonly ProblemNode[];
  listenerMatch?: 'reference' | 'lenient';
  transferMs?: number;
}
