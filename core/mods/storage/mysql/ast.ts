// The statements and expressions of the simulated SQL subset (see CONTEXT.md for the list).
import type { SqlValue } from './values';

export type Expr =
  | { k: 'lit'; v: SqlValue }
  /** A list parameter (`IN %s`, `VALUES %s`): only valid where a parenthesised list is. */
  | { k: 'list'; items: Expr[] }
  | { k: 'col'; table: string | null; name: string; at: number }
  | { k: 'unary'; op: '-' | '+' | 'NOT' | '~'; e: Expr }
  | { k: 'binary'; op: string; l: Expr; r: Expr }
  | { k: 'is'; e: Expr; not: boolean; what: 'NULL' | 'TRUE' | 'FALSE' }
  | { k: 'in'; e: Expr; not: boolean; items: Expr[] }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean }
  | { k: 'like'; e: Expr; pattern: Expr; escape: Expr | null; not: boolean }
  | { k: 'fn'; name: string; args: Expr[]; distinct: boolean; star: boolean; separator: string | null }
  | { k: 'case'; operand: Expr | null; whens: Array<[Expr, Expr]>; otherwise: Expr | null }
  | { k: 'cast'; e: Expr; to: string }
  | { k: 'default' };

export interface SelectItem {
  /** null for `*` / `t.*`. */
  expr: Expr | null;
  starTable: string | null;
  alias: string | null;
  /** The text of the item, which MySQL uses as the column name when there is no alias. */
  text: string;
}

export interface TableRef {
  table: string;
  alias: string;
  join: 'first' | 'inner' | 'left';
  on: Expr | null;
  using: string[] | null;
}

export interface OrderItem {
  expr: Expr;
  desc: boolean;
}

export interface Limit {
  count: number;
  offset: number;
}

export interface SelectStmt {
  k: 'select';
  distinct: boolean;
  items: SelectItem[];
  from: TableRef[];
  where: Expr | null;
  groupBy: Expr[];
  having: Expr | null;
  orderBy: OrderItem[];
  limit: Limit | null;
}

export interface Assignment {
  column: string;
  expr: Expr;
}

export interface InsertStmt {
  k: 'insert';
  replace: boolean;
  ignore: boolean;
  table: string;
  columns: string[] | null;
  rows: Expr[][];
  onDuplicate: Assignment[] | null;
}

export interface UpdateStmt {
  k: 'update';
  ignore: boolean;
  table: string;
  alias: string;
  sets: Assignment[];
  where: Expr | null;
  orderBy: OrderItem[];
  limit: number | null;
}

export interface DeleteStmt {
  k: 'delete';
  ignore: boolean;
  table: string;
  alias: string;
  where: Expr | null;
  orderBy: OrderItem[];
  limit: number | null;
}

export interface ColumnType {
  /** Upper-case base type: INT, VARCHAR, DATETIME, ... */
  base: string;
  length: number | null;
  scale: number | null;
  unsigned: boolean;
  /** ENUM members. */
  values: string[] | null;
}

export interface ColumnDef {
  name: string;
  type: ColumnType;
  notNull: boolean;
  /** A literal, or `now` for CURRENT_TIMESTAMP / NOW(). */
  defaultValue: { k: 'value'; v: SqlValue } | { k: 'now' } | null;
  autoIncrement: boolean;
  primary: boolean;
  unique: boolean;
  onUpdateNow: boolean;
}

export interface IndexDef {
  kind: 'primary' | 'unique' | 'index';
  name: string | null;
  columns: string[];
}

export interface CreateTableStmt {
  k: 'createTable';
  ifNotExists: boolean;
  table: string;
  columns: ColumnDef[];
  indexes: IndexDef[];
  autoIncrement: number | null;
}

export type AlterAction =
  | { k: 'addColumn'; column: ColumnDef; position: { first: boolean; after: string | null } }
  | { k: 'addIndex'; index: IndexDef }
  | { k: 'dropColumn'; name: string }
  | { k: 'dropIndex'; name: string }
  | { k: 'dropPrimary' }
  | { k: 'modifyColumn'; from: string; column: ColumnDef }
  | { k: 'rename'; to: string }
  | { k: 'autoIncrement'; value: number }
  | { k: 'noop' };

export type Statement =
  | SelectStmt
  | InsertStmt
  | UpdateStmt
  | DeleteStmt
  | CreateTableStmt
  | { k: 'createIndex'; table: string; index: IndexDef }
  | { k: 'dropTable'; ifExists: boolean; tables: string[] }
  | { k: 'dropIndex'; table: string; name: string }
  | { k: 'truncate'; table: string }
  | { k: 'alter'; table: string; actions: AlterAction[] }
  | { k: 'renameTable'; pairs: Array<[string, string]> }
  | { k: 'transaction'; op: 'begin' | 'commit' | 'rollback' }
  | { k: 'showTables'; like: string | null }
  /** Accepted and without effect here (SET NAMES, USE db, LOCK TABLES, ...). */
  | { k: 'noop'; what: string };
