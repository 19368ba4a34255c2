// Pure helpers of the behaviours editor: which rule kinds a node may have, new rules, summaries,
// and converting action arguments between form text and rule templates ({"$ref": ...} allowed).
import { formParams } from '../fire/pick-options';
import type { ApiName } from '../../../core/api/interfaces';
import type { CallAction, NodeKind, Rule } from '../../../core/model/schema';
import type { FieldValues } from '../fire/pick-options';
import { parseJson, stringifyJson } from '../../../core/json';

export type RuleKind = Rule['on'];

/** event rules everywhere; RPC handlers on services and the master; HTTP routes on the master. */
export function ruleKindsFor(kind: NodeKind): RuleKind[] {
  return ['event', ...(kind === 'service' || kind === 'master' ? (['rpc'] as const) : []), ...(kind === 'master' ? (['http'] as const) : [])];
}

export function newRule(on: RuleKind, kind: NodeKind, modules: readonly string[]): Rule {
  if (on === 'rpc') {
    return kind === 'service'
      ? { on, register: 'mod', method: 'MyMethod', respond: 'respond', delayMs: 0, response: { ok: true }, actions: [] }
      : { on, register: 'module', module: modules[0] ?? 'module', method: 'MyMethod', respond: 'respond', delayMs: 0, response: { ok: true }, actions: [] };
  }
  if (on === 'http') return { on, path: '/api/new', actions: [], response: { code: 0, message: 'success', entity: {} } };
  return { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiDev', event: 'MyEvent', priority: 0, actions: [] };
}

export function summary(r: Rule): string {
  const calls = r.actions.length ? ` → ${r.actions.map((a) => a.call).join(', ')}` : '';
  if (r.on === 'event') return `on ${r.namespace}/${r.systemName} ${r.event}${calls}`;
  if (r.on === 'rpc') {
    const key = r.register === 'mod' ? `(type) ${r.method}` : `${r.module}/${r.method}`;
    const how = r.respond === 'respond' ? `respond after ${r.delayMs} ms` : r.respond === 'never' ? 'never respond' : `respond late (${r.delayMs} ms)`;
    return `rpc ${key}: ${how}${calls}`;
  }
  return `POST ${r.path}${calls}`;
}

export function argsToFields(api: ApiName, args: CallAction['args']): FieldValues {
  const out: FieldValues = {};
  for (const p of formParams(api)) {
    const v = args[p.name];
    if (p.type === 'callback') out[p.name] = v !== false;
    else if (v === undefined) out[p.name] = p.type === 'dict' ? stringifyJson(p.default ?? {}) : p.default === undefined ? '' : String(p.default);
    else out[p.name] = typeof v === 'object' && v !== null ? stringifyJson(v) : String(v);
  }
  return out;
}

/** Form text → rule arguments; a field holding {"$ref": "..."} stays a template whatever its type. */
export function fieldsToArgs(api: ApiName, values: FieldValues): { ok: true; args: CallAction['args'] } | { ok: false; field: string; message: string } {
  const args: CallAction['args'] = {};
  for (const p of formParams(api)) {
    const v = values[p.name];
    if (p.type === 'callback') {
      if (v === false) args[p.name] = false;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') continue;
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        args[p.name] = parseJson(text) as CallAction['args'][string];
        continue;
      } catch {
        return { ok: false, field: p.name, message: 'not valid JSON' };
      }
    }
    if (p.type === 'int' || p.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, field: p.name, message: 'a number, or {"$ref": "args.x"}' };
      args[p.name] = n;
    } else if (p.type === 'dict') return { ok: false, field: p.name, message: 'a JSON object' };
    else args[p.name] = text;
  }
  return { ok: true, args };
}
