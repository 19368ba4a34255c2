// Dropdown choices for an interface parameter's `pick` hint, from the topology and live state,
// and the typed conversion of form text into call arguments.
import type { ParamSpec } from '../../../core/api/interfaces';
import { INTERFACES, interfacesFor, type ApiName } from '../../../core/api/interfaces';
import type { NodeKind, NodeSpec, Project } from '../../../core/model/schema';
import { parseJson, stringifyJson } from '../../../core/json';

export interface Choice {
  value: string;
  label: string;
}

/** Live facts the topology alone does not know: which client is on which server as which player. */
export interface LivePlayers {
  [clientId: string]: { server: number | null; playerId: string | null } | undefined;
}

const uniq = (xs: string[]) => [...new Set(xs)];

export function choicesFor(pick: ParamSpec['pick'], project: Project, caller: NodeSpec | undefined, live: LivePlayers): Choice[] | undefined {
  const of = (...kinds: NodeKind[]) => project.nodes.filter((n) => kinds.includes(n.kind));
  const ids = (ns: NodeSpec[]) => ns.filter((n) => n.serverId !== undefined).map((n) => ({ value: String(n.serverId), label: `${n.serverId} · ${n.name ?? n.id}` }));
  switch (pick) {
    case 'playerId':
      return of('client').flatMap((c) => {
        const l = live[c.id];
        return l?.playerId && l.server === caller?.serverId ? [{ value: l.playerId, label: `${l.playerId} · ${c.name ?? c.id}` }] : [];
      });
    case 'lobbyGameId':
      return ids(of('lobby', 'game'));
    case 'serviceId':
      return ids(of('service'));
    case 'proxyId':
      return ids(of('proxy'));
    case 'requesterId':
      return ids(of('lobby', 'game', 'master', 'service'));
    case 'serverType':
      return uniq(of('lobby', 'game').flatMap((n) => (n.type ? [n.type] : []))).map((t) => ({ value: t, label: t }));
    case 'serviceType':
      return uniq(of('service').flatMap((n) => (n.type ? [n.type] : []))).map((t) => ({ value: t, label: t }));
    case 'module':
      return uniq(of('service', 'master').flatMap((n) => n.moduleNames ?? [])).map((m) => ({ value: m, label: m }));
    case 'uid':
      return of('client').flatMap((c) => (c.uid !== undefined ? [{ value: String(c.uid), label: `${c.uid} · ${c.name ?? c.id}` }] : []));
    default:
      return undefined;
  }
}

/** Interfaces a node can fire from the panel: its kind's messaging calls (not registrations). */
export function fireableFor(kind: NodeKind): ApiName[] {
  return interfacesFor(kind).filter((n) => ['point', 'broadcast', 'request', 'response'].includes(INTERFACES[n].shape));
}

/** Parameters the form shows (functions and instances are the mod's code, not form input). */
export function formParams(api: ApiName): readonly ParamSpec[] {
  return INTERFACES[api].params.filter((p) => p.type !== 'func' && p.type !== 'instance');
}

export type FieldValues = Record<string, string | boolean>;

export function initialValues(api: ApiName): FieldValues {
  const out: FieldValues = {};
  for (const p of formParams(api)) {
    if (p.type === 'callback') out[p.name] = true;
    else if (p.type === 'dict') out[p.name] = stringifyJson(p.default ?? {});
    else out[p.name] = p.default === undefined ? '' : String(p.default);
  }
  return out;
}

/** Form text → named arguments, or the first field that is not valid. */
export function toArgs(api: ApiName, values: FieldValues): { ok: true; args: Record<string, unknown> } | { ok: false; field: string; message: string } {
  const args: Record<string, unknown> = {};
  for (const p of formParams(api)) {
    const v = values[p.name];
    if (p.type === 'callback') {
      if (v === false) args[p.name] = false;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') {
      if (p.optional || p.default !== undefined) continue;
      return { ok: false, field: p.name, message: 'required' };
    }
    if (p.type === 'int' || p.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n) || (p.type === 'int' && !Number.isInteger(n))) return { ok: false, field: p.name, message: p.type === 'int' ? 'an integer' : 'a number' };
      args[p.name] = n;
    } else if (p.type === 'dict') {
      try {
        const d: unknown = parseJson(text);
        if (typeof d !== 'object' || d === null || Array.isArray(d)) return { ok: false, field: p.name, message: 'a JSON object, e.g. {"uid": 1}' };
        args[p.name] = d;
      } catch {
        return { ok: false, field: p.name, message: 'not valid JSON' };
      }
    } else args[p.name] = text;
  }
  return { ok: true, args };
}

/** A call's stored arguments back into form text (the inverse of toArgs, for editing a step). */
export function argsToValues(api: ApiName, args: Readonly<Record<string, unknown>>): FieldValues {
  const out = initialValues(api);
  for (const p of formParams(api)) {
    if (!(p.name in args)) {
      if (p.type !== 'callback' && p.optional && p.default === undefined) out[p.name] = '';
      continue;
    }
    const v = args[p.name];
    if (p.type === 'callback') out[p.name] = v !== false;
    else if (typeof v === 'string') out[p.name] = v;
    else out[p.name] = stringifyJson(v);
  }
  return out;
}
