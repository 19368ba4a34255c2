// Inline validation: run the core validator on the project with the edited node in place and
// keep the issues under that node, keyed by their path inside it (".serverId", ".systems[0].namespace").
import type { NodeSpec, Project } from '../../../core/model/schema';
import { validateProject } from '../../../core/model/validate';

export interface NodeIssues {
  errors: Map<string, string>;
  warnings: Map<string, string>;
  /** Problems elsewhere in the project that this edit causes (shown under the form). */
  other: string[];
  ok: boolean;
}

export function nodeIssues(project: Project, index: number, draft: NodeSpec): NodeIssues {
  return scopedIssues({ ...project, nodes: project.nodes.map((n, i) => (i === index ? draft : n)) }, `$.nodes[${index}]`);
}

/**
 * Validate a whole (edited) project and keep the issues under `prefix` (e.g. "$.options",
 * "$.scenarios[1].steps[0]"), keyed by their path inside it; errors elsewhere go to `other`.
 */
export function scopedIssues(next: unknown, prefix: string): NodeIssues {
  const r = validateProject(next);
  const errors = new Map<string, string>();
  const warnings = new Map<string, string>();
  const other: string[] = [];
  const place = (into: Map<string, string>, list: readonly { path: string; message: string }[], keepOther: boolean) => {
    for (const i of list) {
      if (i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`)) {
        const key = i.path.slice(prefix.length) || '.';
        if (!into.has(key)) into.set(key, i.message);
      } else if (keepOther) other.push(`${i.path}: ${i.message}`);
    }
  };
  if (!r.ok) place(errors, r.errors, true);
  place(warnings, r.warnings, false);
  return { errors, warnings, other, ok: r.ok };
}

/** The first message for a field or anything inside it (".moduleNames" covers ".moduleNames[1]"). */
export function issueAt(map: ReadonlyMap<string, string>, field: string): string | undefined {
  if (map.has(field)) return map.get(field);
  for (const [k, v] of map) if (k.startsWith(`${field}[`) || k.startsWith(`${field}.`)) return v;
  return undefined;
}

/** "a, b ,c" → ["a", "b", "c"]; an empty field is no list. */
export function parseList(text: string): string[] | undefined {
  const items = text.split(',').map((s) => s.trim());
  return items.length === 1 && items[0] === '' ? undefined : items;
}

/** "" → undefined, "12" → 12, "1.5"/"x" → NaN-free raw value the validator will name. */
export function parseIntField(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
