// MysqlStore: the one simulated MySQL database of a run. Takes SQL and MySQLdb-style parameters,
// answers a result set / affected-row count or an error with MySQL's code and text. Never throws.
import { Random } from '../../../engine/random';
import { bindParams } from './bind';
import { Database, type MysqlLimits } from './database';
import { alterTable, createTable, dropTables, renameTables, truncate } from './ddl';
import { FormatError, MysqlError } from './errors';
import type { Hint } from './eval';
import { globLike } from './like';
import { tokenize } from './lexer';
import { Parser } from './parser';
import { splitStatements } from './script';
import { runSelect } from './select';
import type { SqlValue } from './values';
import { runDelete, runInsert, runUpdate } from './write';
import type { Statement } from './ast';

export interface StatementResult {
  /** Column names and types of a result set; null for statements that return none. */
  columns: string[] | null;
  hints: Hint[];
  rows: SqlValue[][] | null;
  /** Affected rows (for SELECT: rows returned, as MySQLdb's cursor.rowcount). */
  affected: number;
  lastInsertId: number | bigint;
}

/** What the real client would have raised: the exception class and MySQL's code and text. */
export interface SqlFailure {
  type: string;
  code: number | null;
  message: string;
}

export type MysqlOutcome = { ok: true; result: StatementResult } | { ok: false; failure: SqlFailure };

export interface MysqlOptions extends MysqlLimits {
  epochMs: number;
  seed: number;
  /** The database name shown in messages (Table 'mod.x' doesn't exist). */
  database: string;
}

/** MySQLdb's exception class for a MySQL error code (MySQLdb 1.2's mapping). */
export function exceptionType(code: number): string {
  if ([1062, 1048, 1169, 1216, 1217, 1451, 1452].includes(code)) return 'IntegrityError';
  if ([1064, 1146, 1149, 1065, 1102, 1103, 1110, 1111, 1113].includes(code)) return 'ProgrammingError';
  if ([1235, 1289].includes(code)) return 'NotSupportedError';
  if ([1264, 1265, 1406, 1366, 1292].includes(code)) return 'DataError';
  return 'OperationalError';
}

export class MysqlStore {
  readonly db: Database;

  constructor(options: MysqlOptions) {
    this.db = new Database(options.database, options, options.epochMs, new Random(options.seed));
  }

  run(sql: unknown, params: unknown, nowMs: number): MysqlOutcome {
    try {
      if (typeof sql !== 'string') throw new FormatError('TypeError', `the SQL must be text, not ${sql === null ? 'None' : typeof sql}`);
      this.db.rt.now = Math.max(this.db.rt.now, nowMs);
      const { tokens, source } = tokenize(bindParams(sql, params));
      const stmt = new Parser(tokens, source).statement();
      return { ok: true, result: this.execute(stmt) };
    } catch (e) {
      return { ok: false, failure: failureOf(e) };
    }
  }

  begin(): void {
    this.db.begin();
  }

  commit(): void {
    this.db.commit();
  }

  rollback(): void {
    this.db.rollback();
  }

  get transactionOpen(): boolean {
    return this.db.transactionOpen;
  }

  /** Runs a script of statements (a mod's mod.sql); stops at nothing, reports each failure. */
  runScript(script: string, nowMs: number): { executed: number; failures: Array<{ statement: string; failure: SqlFailure }> } {
    const failures: Array<{ statement: string; failure: SqlFailure }> = [];
    let executed = 0;
    for (const statement of splitStatements(script)) {
      const out = this.run(statement, null, nowMs);
      if (out.ok) executed++;
      else failures.push({ statement: statement.trim().slice(0, 200), failure: out.failure });
    }
    return { executed, failures };
  }

  private execute(stmt: Statement): StatementResult {
    const db = this.db;
    const none = (affected = 0, lastInsertId: number | bigint = 0): StatementResult => ({ columns: null, hints: [], rows: null, affected, lastInsertId });
    switch (stmt.k) {
      case 'select': {
        const rs = runSelect(db, stmt);
        return { columns: rs.columns, hints: rs.hints, rows: rs.rows, affected: rs.rows.length, lastInsertId: 0 };
      }
      case 'insert': {
        const r = db.statement(() => runInsert(db, stmt));
        return none(r.affected, r.lastInsertId);
      }
      case 'update':
        return none(db.statement(() => runUpdate(db, stmt)).affected);
      case 'delete':
        return none(db.statement(() => runDelete(db, stmt)).affected);
      case 'transaction':
        if (stmt.op === 'begin') db.begin();
        else if (stmt.op === 'commit') db.commit();
        else db.rollback();
        return none();
      case 'noop':
        return none();
      case 'showTables': {
        const names = [...db.tables.keys()].filter((n) => stmt.like === null || globLike(n, stmt.like)).sort();
        return { columns: [`Tables_in_${db.name}`], hints: [{ kind: 'text' }], rows: names.map((n) => [n]), affected: names.length, lastInsertId: 0 };
      }
    }
    // Data definition commits an open transaction first (MySQL's implicit commit).
    db.commit();
    switch (stmt.k) {
      case 'createTable':
        createTable(db, stmt);
        break;
      case 'createIndex':
        alterTable(db, stmt.table, [{ k: 'addIndex', index: stmt.index }]);
        break;
      case 'dropIndex':
        alterTable(db, stmt.table, [{ k: 'dropIndex', name: stmt.name }]);
        break;
      case 'alter':
        alterTable(db, stmt.table, stmt.actions);
        break;
      case 'dropTable':
        dropTables(db, stmt.tables, stmt.ifExists);
        break;
      case 'truncate':
        truncate(db, stmt.table);
        break;
      case 'renameTable':
        renameTables(db, stmt.pairs);
        break;
    }
    return none();
  }
}

function failureOf(e: unknown): SqlFailure {
  if (e instanceof MysqlError) return { type: exceptionType(e.code), code: e.code, message: e.message };
  if (e instanceof FormatError) return { type: e.pythonType, code: null, message: e.message };
  // A bug in the simulation must not take the engine down: report it as the server failing.
  return { type: 'InternalError', code: null, message: `internal error in the simulated MySQL: ${e instanceof Error ? e.message : String(e)}` };
}
