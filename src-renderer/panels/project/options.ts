// The project's options (semantics §4) as form fields, and their inline validation: the draft
// options go into the project, the core validator runs, issues under $.options come back per field.
import type { Options, Project } from '../../../core/model/schema';
import { scopedIssues, type NodeIssues } from '../inspector/node-issues';

export type OptionKey = keyof Options;
export interface OptionField {
  key: OptionKey;
  label: string;
  hint: string;
  input: 'checkbox' | 'select' | 'number';
  choices?: readonly string[];
}

export const OPTION_FIELDS: readonly OptionField[] = [
  { key: 'defaultLatencyMs', label: 'default latency (ms)', hint: 'one way, for every connection without its own latency', input: 'number' },
  { key: 'defaultJitterMs', label: 'default jitter (ms)', hint: '± per message', input: 'number' },
  { key: 'defaultLoss', label: 'default loss (0–1)', hint: 'probability a message is lost', input: 'number' },
  { key: 'transferMs', label: 'transfer (ms)', hint: 'how long a transfer keeps a player between servers', input: 'number' },
  { key: 'rpcOwner', label: 'RPC owner', hint: 'which of several owners of a module/type answers', input: 'select', choices: ['lowest-id', 'round-robin', 'random'] },
  { key: 'listenerMatch', label: 'listener match', hint: 'reference: a NeteaseExtraApi/extraApi* message is heard only with that pair; lenient: the sender\'s own pair is heard too', input: 'select', choices: ['reference', 'lenient'] },
  { key: 'broadcastIncludesSender', label: 'broadcast reaches sender', hint: "a service's BroadcastToService reaches itself too", input: 'checkbox' },
  { key: 'maxEventsPerInstant', label: 'livelock limit', hint: 'messages and timers at one virtual instant before the run stops as a livelock', input: 'number' },
  { key: 'serverTickHz', label: 'mod Update() per second', hint: "Python mods: how often each system's Update() runs (0 = never)", input: 'number' },
  { key: 'storageLatencyMs', label: 'Redis/MySQL answer (ms)', hint: 'Python mods: virtual delay before an Async* storage call answers', input: 'number' },
  { key: 'storageMaxBytes', label: 'Redis/MySQL size cap (bytes)', hint: 'Python mods: each simulated store refuses writes past this size, as a full server does', input: 'number' },
  { key: 'storageMaxRows', label: 'MySQL row cap', hint: "Python mods: rows over all tables before inserts fail with \"The table 'x' is full\"", input: 'number' },
  { key: 'clientMods', label: 'run client mods', hint: 'Python mods: run behavior_packs client mods for every client', input: 'checkbox' },
  { key: 'clockEpochMs', label: 'clock start (ms since 1970)', hint: 'Python mods: what time.time() reads at virtual 0', input: 'number' },
];

/** Number field text → a number, or the text itself so the validator names what is wrong. */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

export function optionIssues(project: Project, draft: Record<string, unknown>): NodeIssues {
  return scopedIssues({ ...project, options: draft }, '$.options');
}
