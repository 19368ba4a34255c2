// One check for every interface call a project writes down (a rule action or a scenario `call`
// step): the interface exists, the node kind may call it (core/api/interfaces.ts), and its args
// use the documented parameter names.
import { API_NAMES, interfaceSpec, kindMayCall, type ParamSpec } from '../../api/interfaces';
import type { Findings } from '../issues';
import type { NodeKind } from '../schema';

type Path = (string | number)[];

/**
 * Parameters no project can write down: they are code. (`callback` can be written: true/false says
 * whether the request has one; core/engine/invoke.ts.)
 */
const CODE_PARAMS = new Set(['func', 'instance']);

export function checkCall(kind: NodeKind, api: string, args: Record<string, unknown>, apiPath: Path, argsPath: Path, f: Findings): void {
  const spec = interfaceSpec(api);
  if (!spec) {
    const hint = suggestApi(api);
    f.error(apiPath, 'call.unknown-interface', `unknown interface "${api}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    return;
  }
  if (!kindMayCall(kind, api)) {
    // A warning, not an error (semantics §5): the file may demonstrate the misuse; at run time the
    // call is a `misuse` event and the simulation goes on.
    f.warn(apiPath, 'call.not-callable', `a ${kind} node cannot call ${api} (callers: ${spec.callers.join(', ')}); at run time this call is a misuse`);
    return;
  }
  if (spec.params.some((p) => p.type === 'func')) {
    f.error(apiPath, 'call.needs-function', `${api} takes a function, so it cannot be called from here; write an event, rpc or http rule instead`);
    return;
  }
  const names = spec.params.filter((p) => !CODE_PARAMS.has(p.name)).map((p) => p.name);
  for (const key of Object.keys(args)) {
    if (!names.includes(key)) f.warn([...argsPath, key], 'call.unknown-arg', `${api} has no parameter "${key}" (parameters: ${names.join(', ')}); at run time this call is a misuse`);
  }
  for (const p of spec.params) {
    if (!Object.prototype.hasOwnProperty.call(args, p.name)) continue;
    const problem = argProblem(p, args[p.name]);
    if (problem) f.warn([...argsPath, p.name], problem[0], `${api}: ${problem[1]}`);
  }
}

/** A `{ "$ref": ... }` template: its type is known only when the rule runs. */
function isRef(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$ref' in v;
}

function shown(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a dict';
  if (typeof v === 'string') return 'a str';
  if (typeof v === 'boolean') return 'a bool';
  return typeof v === 'bigint' || Number.isInteger(v) ? 'an int' : `a ${typeof v}`;
}

/**
 * What is wrong with an argument's type, as [code, message]; null when it fits (or is a $ref).
 * Warnings, not errors: the engine runs the call anyway — a non-dict payload is delivered as it is,
 * a wrong scalar becomes a `misuse` event (semantics §5), which a file may mean to show.
 */
function argProblem(p: ParamSpec, v: unknown): [string, string] | null {
  if (isRef(v)) return null;
  const misuse = (want: string): [string, string] => ['call.arg-type', `${p.name} must be ${want}, got ${kindOf(v)} (${shown(v)}); at run time this call is a misuse`];
  switch (p.type) {
    case 'dict':
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return null;
      return ['call.non-dict-payload', `${p.name} is documented as a dict, got ${kindOf(v)} (${shown(v)}); it is delivered unchanged and noted in the Problems view`];
    case 'str':
      return typeof v === 'string' ? null : misuse('a str');
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? null : misuse('an int');
    case 'number':
      return typeof v === 'number' && v > 0 ? null : misuse('a positive number of seconds');
    case 'callback':
      return typeof v === 'boolean' || v === null ? null : ['call.arg-type', `${p.name} is written as true (a callback that records the result) or false (none), got ${shown(v)}`];
    default:
      return null;
  }
}

/** The closest interface name, for typos: same letters ignoring case, or at most 3 edits away. */
export function suggestApi(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of API_NAMES) {
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    const d = editDistance(candidate, name, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every row exceeds it. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return prev[b.length];
}
