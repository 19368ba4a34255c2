// The one simulated MySQL database of a run: its tables, the size caps, and atomicity. Every
// statement is all-or-nothing (InnoDB rolls a failed statement back), and BEGIN ... COMMIT /
// ROLLBACK span several statements; both work from one undo log of row changes. DDL commits an
// open transaction first, as MySQL's implicit commit does.
import type { Random } from '../../../engine/random';
import { err } from './errors';
import type { Runtime } from './eval';
import type { Row, Table } from './table';

export interface MysqlLimits {
  /** Rows over all tables. */
  maxRows: number;
  /** Bytes of cells over all tables. */
  maxBytes: number;
  /** Row combinations one SELECT may examine (joins), as MySQL's MAX_JOIN_SIZE. */
  maxExamined: number;
}

/** The most row changes one transaction may hold for ROLLBACK (every buffer has a bound). */
const MAX_TX_CHANGES = 1_000_000;

type Undo =
  | { k: 'insert'; t: Table; id: number }
  | { k: 'replace'; t: Table; id: number; old: Row }
  | { k: 'delete'; t: Table; id: number; old: Row };

export class Database {
  readonly tables = new Map<string, Table>();
  readonly rt: Runtime;
  private inTransaction = false;
  private txLog: Undo[] = [];
  private stmtLog: Undo[] = [];

  constructor(
    readonly name: string,
    readonly limits: MysqlLimits,
    epochMs: number,
    random: Random,
  ) {
    this.rt = { now: 0, epochMs, random, lastInsertId: 0 };
  }

  get transactionOpen(): boolean {
    return this.inTransaction;
  }

  table(name: string): Table {
    const t = this.tables.get(name);
    if (t === undefined) throw err.noTable(this.name, name);
    return t;
  }

  totalRows(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.rows.size;
    return n;
  }

  totalBytes(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.bytes;
    return n;
  }

  // ------------------------------------------------------------ row changes (logged)

  insert(t: Table, row: Row): number {
    if (this.totalRows() >= this.limits.maxRows) throw err.tableFull(t.name);
    const id = t.insertRow(row);
    this.stmtLog.push({ k: 'insert', t, id });
    this.checkBytes(t);
    return id;
  }

  replace(t: Table, id: number, row: Row): void {
    this.stmtLog.push({ k: 'replace', t, id, old: t.rows.get(id) as Row });
    t.replaceRow(id, row);
    this.checkBytes(t);
  }

  delete(t: Table, id: number): void {
    this.stmtLog.push({ k: 'delete', t, id, old: t.rows.get(id) as Row });
    t.deleteRow(id);
  }

  private checkBytes(t: Table): void {
    if (this.totalBytes() > this.limits.maxBytes) throw err.tableFull(t.name);
  }

  // ------------------------------------------------------------ atomicity

  /** Runs one statement: kept on success, undone entirely on any error (then rethrown). */
  statement<T>(run: () => T): T {
    this.stmtLog = [];
    try {
      const out = run();
      if (this.inTransaction) {
        if (this.txLog.length + this.stmtLog.length > MAX_TX_CHANGES) throw err.notSimulated(`a transaction of more than ${MAX_TX_CHANGES} row changes`);
        for (const u of this.stmtLog) this.txLog.push(u);
      }
      this.stmtLog = [];
      return out;
    } catch (e) {
      undo(this.stmtLog);
      this.stmtLog = [];
      throw e;
    }
  }

  begin(): void {
    // START TRANSACTION commits a transaction already open.
    this.commit();
    this.inTransaction = true;
  }

  commit(): void {
    this.inTransaction = false;
    this.txLog = [];
  }

  rollback(): void {
    undo(this.txLog);
    this.txLog = [];
    this.inTransaction = false;
  }
}

function undo(log: Undo[]): void {
  for (let i = log.length - 1; i >= 0; i--) {
    const u = log[i];
    // A table dropped since (only DDL drops, and DDL commits first) is no longer reachable.
    if (u.k === 'insert') u.t.deleteRow(u.id);
    else if (u.k === 'replace') u.t.replaceRow(u.id, u.old);
    else u.t.restoreRow(u.id, u.old);
  }
}
