// SELECT: nested-loop joins (bounded by MAX_JOIN_SIZE), WHERE, GROUP BY with aggregates, HAVING,
// ORDER BY (select aliases and positions too), DISTINCT, LIMIT. Rows without ORDER BY come in
// the scan order of the first table (primary-key order, as InnoDB reads its clustered index).
import type { Expr, SelectStmt } from './ast';
import type { Database } from './database';
import { err, MysqlError } from './errors';
import { candidateRows } from './lookup';
import { compile, resolveColumn, type Compiled, type Env, type Frame, type Hint, type Source } from './eval';
import type { Row } from './table';
import { groupKey, sortCompare, truthy, type SqlValue } from './values';

export interface ResultSet {
  columns: string[];
  hints: Hint[];
  rows: SqlValue[][];
}

interface Output {
  name: string;
  c: Compiled;
}

export function runSelect(db: Database, stmt: SelectStmt): ResultSet {
  const sources: Source[] = [];
  for (const ref of stmt.from) {
    if (sources.some((s) => s.alias === ref.alias)) throw err.nonUniqTable(ref.alias);
    sources.push({ alias: ref.alias, table: db.table(ref.table) });
  }
  const env = (clause: string, aggregates: boolean, aliases: Env['aliases'] = null): Env => ({ sources, clause, aggregates, aliases, insertTable: null, rt: db.rt });

  const outputs: Output[] = [];
  for (const item of stmt.items) {
    if (item.expr === null) {
      const picked = item.starTable === null ? sources : sources.filter((s) => s.alias === item.starTable);
      if (item.starTable === null && sources.length === 0) throw new MysqlError(1096, 'No tables used');
      if (picked.length === 0) throw err.unknownTable(db.name, item.starTable ?? '*');
      for (const s of picked) {
        for (const col of s.table.columns) {
          outputs.push({ name: col.name, c: compile({ k: 'col', table: s.alias, name: col.name, at: 0 }, env('field list', false)) });
        }
      }
      continue;
    }
    outputs.push({ name: item.alias ?? item.text, c: compile(item.expr, env('field list', true)) });
  }
  const aliases = new Map<string, { index: number; hint: Hint }>();
  stmt.items.forEach((item) => {
    if (item.alias !== null) {
      const index = outputs.findIndex((o) => o.name === item.alias);
      if (!aliases.has(item.alias.toLowerCase())) aliases.set(item.alias.toLowerCase(), { index, hint: outputs[index].c.hint });
    }
  });

  const where = stmt.where === null ? null : compile(stmt.where, env('where clause', false));
  const groupBy = stmt.groupBy.map((g) => compileOrderExpr(g, env('group statement', false, aliases), outputs));
  const having = stmt.having === null ? null : compile(stmt.having, env('having clause', true, aliases));
  const grouped = stmt.groupBy.length > 0 || outputs.some((o) => o.c.agg) || (having?.agg ?? false);
  const order = stmt.orderBy.map((o) => ({ c: compileOrderExpr(o.expr, env('order clause', grouped, aliases), outputs), desc: o.desc }));

  const frames = join(db, stmt, sources, where);
  let units: Frame[];
  if (grouped) {
    const groups = new Map<string, Frame[]>();
    for (const f of frames) {
      const key = groupBy.map((g) => groupKey(g.ev(f))).join('\u0000');
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [f]);
      else list.push(f);
    }
    const empty: Array<Row | null> = sources.map(() => null);
    units = [...groups.values()].map((members) => ({ rows: members[0].rows, group: members, outputs: null, inserted: null }));
    if (stmt.groupBy.length === 0 && units.length === 0) units = [{ rows: empty, group: [], outputs: null, inserted: null }];
    // MySQL 5.x sorts GROUP BY results by the grouped values unless told otherwise.
    if (stmt.groupBy.length > 0 && order.length === 0) {
      const keys = new Map(units.map((u) => [u, groupBy.map((g) => g.ev(u))]));
      units.sort((a, b) => compareKeys(keys.get(a) as SqlValue[], keys.get(b) as SqlValue[], groupBy.map(() => false)));
    }
  } else units = frames;

  for (const u of units) u.outputs = outputs.map((o) => o.c.ev(u));
  if (having !== null) units = units.filter((u) => truthy(having.ev(u)) === true);
  if (order.length > 0) {
    const keys = new Map(units.map((u) => [u, order.map((o) => o.c.ev(u))]));
    const desc = order.map((o) => o.desc);
    units = units
      .map((u, i) => ({ u, i }))
      .sort((a, b) => compareKeys(keys.get(a.u) as SqlValue[], keys.get(b.u) as SqlValue[], desc) || a.i - b.i)
      .map((x) => x.u);
  }
  let rows = units.map((u) => u.outputs as SqlValue[]);
  if (stmt.distinct) {
    const seen = new Set<string>();
    rows = rows.filter((r) => {
      const k = r.map(groupKey).join('\u0000');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  if (stmt.limit !== null) rows = rows.slice(stmt.limit.offset, stmt.limit.offset + stmt.limit.count);
  return { columns: outputs.map((o) => o.name), hints: outputs.map((o) => o.c.hint), rows };
}

function compareKeys(a: SqlValue[], b: SqlValue[], desc: boolean[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = sortCompare(a[i], b[i]);
    if (d !== 0) return desc[i] ? -d : d;
  }
  return 0;
}

/** ORDER BY / GROUP BY item: a position (ORDER BY 2), an alias, or an expression. */
function compileOrderExpr(e: Expr, env: Env, outputs: Output[]): Compiled {
  if (e.k === 'lit' && typeof e.v === 'number' && Number.isInteger(e.v)) {
    const n = e.v;
    if (n < 1 || n > outputs.length) throw err.unknownColumn(String(n), env.clause);
    return { ev: (f) => (f.outputs === null ? outputs[n - 1].c.ev(f) : f.outputs[n - 1]), hint: outputs[n - 1].c.hint, agg: outputs[n - 1].c.agg };
  }
  return compile(e, env);
}

/** Every combination of the FROM tables that passes ON and WHERE, in scan order. */
function join(db: Database, stmt: SelectStmt, sources: Source[], where: Compiled | null): Frame[] {
  const frame = (rows: Array<Row | null>): Frame => ({ rows, group: null, outputs: null, inserted: null });
  if (sources.length === 0) {
    const f = frame([]);
    return where === null || truthy(where.ev(f)) === true ? [f] : [];
  }
  const onEnv: Env = { sources, clause: 'on clause', aggregates: false, aliases: null, insertTable: null, rt: db.rt };
  const ons = stmt.from.map((ref, i) => {
    if (ref.using !== null) {
      const eqs: Expr[] = ref.using.map((name) => {
        const left = resolveColumn({ ...onEnv, sources: sources.slice(0, i) }, null, name);
        return { k: 'binary', op: '=', l: { k: 'col', table: sources[left.source].alias, name, at: 0 }, r: { k: 'col', table: ref.alias, name, at: 0 } };
      });
      return compile(eqs.reduce((l, r) => ({ k: 'binary', op: 'AND', l, r })), onEnv);
    }
    return ref.on === null ? null : compile(ref.on, onEnv);
  });
  const narrowed = sources.length === 1 ? candidateRows(sources[0].table, sources[0].alias, stmt.where) : null;
  const scans = sources.map((s, i) => (i === 0 && narrowed !== null ? narrowed : s.table.scanOrder()).map((id) => s.table.rows.get(id) as Row));
  if (sources.length === 1) {
    // One table: no combinations to build.
    const out: Frame[] = [];
    for (const row of scans[0]) {
      const f = frame([row]);
      if (where === null || truthy(where.ev(f)) === true) out.push(f);
    }
    return out;
  }
  let examined = 0;
  let partial: Array<Array<Row | null>> = [[]];
  for (let i = 0; i < sources.length; i++) {
    const next: Array<Array<Row | null>> = [];
    for (const prefix of partial) {
      let matched = false;
      for (const row of scans[i]) {
        if (++examined > db.limits.maxExamined) throw err.tooBigSelect();
        const rows = [...prefix, row];
        const on = ons[i];
        if (on !== null && truthy(on.ev(frame(padded(rows, sources.length)))) !== true) continue;
        matched = true;
        next.push(rows);
      }
      if (!matched && stmt.from[i].join === 'left') next.push([...prefix, null]);
    }
    partial = next;
  }
  const out: Frame[] = [];
  for (const rows of partial) {
    const f = frame(rows);
    if (where === null || truthy(where.ev(f)) === true) out.push(f);
  }
  return out;
}

function padded(rows: Array<Row | null>, n: number): Array<Row | null> {
  const out = [...rows];
  while (out.length < n) out.push(null);
  return out;
}
