// Recursive-descent parser for the simulated SQL subset. Anything outside it is refused with
// "not simulated: <what>" (code 1235); malformed SQL gets MySQL's 1064 syntax error. Never throws
// anything but MysqlError / FormatError, and nesting is bounded so no input overflows the stack.
import type { AlterAction, Assignment, ColumnDef, ColumnType, CreateTableStmt, Expr, IndexDef, Limit, OrderItem, SelectItem, SelectStmt, Statement, TableRef } from './ast';
import type { ParamValue } from './bind';
import { err, MysqlError } from './errors';
import { lineOf, nearText, type Token } from './lexer';
import { numberLiteral, type SqlValue } from './values';

const MAX_DEPTH = 100;
/** Operators one statement may chain (a left-deep chain is as deep as it is long when evaluated). */
const MAX_OPERATORS = 2000;

/** Words that end an expression or cannot be a bare alias. */
const RESERVED = new Set(
  (
    'SELECT FROM WHERE GROUP ORDER BY LIMIT HAVING UNION INTO FOR JOIN INNER LEFT RIGHT CROSS OUTER ON USING ' +
    'SET VALUES VALUE AND OR NOT XOR IS NULL IN LIKE BETWEEN AS ASC DESC DISTINCT INSERT UPDATE DELETE REPLACE ' +
    'CREATE TABLE DROP ALTER INDEX KEY PRIMARY UNIQUE DEFAULT CASE WHEN THEN ELSE END EXISTS ESCAPE DIV MOD ' +
    'REGEXP RLIKE INTERVAL LOCK STRAIGHT_JOIN NATURAL TRUE FALSE COLLATE BINARY IGNORE DUPLICATE OFFSET FORCE USE'
  ).split(' '),
);

/** Real MySQL statements outside the simulated subset (anything else is a syntax error). */
const OTHER_STATEMENTS = new Set(
  'CALL PREPARE EXECUTE DEALLOCATE GRANT REVOKE HANDLER LOAD DO EXPLAIN DESCRIBE DESC ANALYZE OPTIMIZE CHECK REPAIR FLUSH KILL RESET PURGE SAVEPOINT RELEASE XA WITH VALUES TABLE IMPORT INSTALL UNINSTALL CACHE HELP SHUTDOWN CHANGE CHECKSUM'.split(' '),
);

const INT_TYPES = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER', 'BIGINT']);
const KNOWN_TYPES = new Set([
  ...INT_TYPES,
  'BOOL', 'BOOLEAN', 'FLOAT', 'DOUBLE', 'REAL', 'DECIMAL', 'NUMERIC', 'DEC', 'FIXED',
  'CHAR', 'VARCHAR', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'BINARY', 'VARBINARY',
  'TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'DATE', 'DATETIME', 'TIMESTAMP', 'JSON', 'ENUM',
]);

export class Parser {
  private i = 0;
  private depth = 0;
  private operators = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  /** Exactly one statement, with an optional trailing ';'. */
  statement(): Statement {
    if (this.peek().kind === 'eof' || this.isOp(';')) {
      while (this.isOp(';')) this.i++;
      if (this.peek().kind === 'eof') throw new MysqlError(1065, 'Query was empty');
    }
    const s = this.parseStatement();
    if (this.isOp(';')) this.i++;
    while (this.isOp(';')) this.i++;
    if (this.peek().kind !== 'eof') {
      if (this.tokens[this.i - 1]?.kind === 'op' && (this.tokens[this.i - 1] as { text: string }).text === ';') {
        throw err.notSimulated('several statements in one call (send them one by one)');
      }
      throw this.syntax();
    }
    return s;
  }

  // ---------------------------------------------------------------- tokens

  private peek(o = 0): Token {
    return this.tokens[Math.min(this.i + o, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'word' && !t.quoted && words.includes(t.upper);
  }

  private isWordAt(o: number, ...words: string[]): boolean {
    const t = this.peek(o);
    return t.kind === 'word' && !t.quoted && words.includes(t.upper);
  }

  private takeWord(...words: string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.i++;
    return true;
  }

  private expectWord(...words: string[]): string {
    const t = this.peek();
    if (t.kind !== 'word' || t.quoted || !words.includes(t.upper)) throw this.syntax();
    this.i++;
    return t.upper;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === op;
  }

  private takeOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }

  private expectOp(op: string): void {
    if (!this.takeOp(op)) throw this.syntax();
  }

  syntax(t: Token = this.peek()): MysqlError {
    return err.syntax(t.kind === 'eof' ? '' : nearText(this.source, t.at), lineOf(this.source, t.at));
  }

  /** An identifier: bare (not a reserved word) or `quoted`. */
  private ident(): string {
    const t = this.peek();
    if (t.kind !== 'word' || (!t.quoted && RESERVED.has(t.upper))) throw this.syntax();
    this.i++;
    return t.text;
  }

  /** A table name, `db.table` accepted (the one simulated database answers every name). */
  private tableName(): string {
    let name = this.ident();
    if (this.isOp('.') && this.peek(1).kind === 'word') {
      this.i++;
      name = this.ident();
    }
    return name;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw err.notSimulated(`expressions nested more than ${MAX_DEPTH} deep`);
  }

  private leave(): void {
    this.depth--;
  }

  private bin(op: string, l: Expr, r: Expr): Expr {
    if (++this.operators > MAX_OPERATORS) throw err.notSimulated(`statements with more than ${MAX_OPERATORS} operators`);
    return { k: 'binary', op, l, r };
  }

  // ---------------------------------------------------------------- statements

  private parseStatement(): Statement {
    const t = this.peek();
    if (t.kind !== 'word' || t.quoted) {
      if (t.kind === 'op' && t.text === '(') throw err.notSimulated('a parenthesised query');
      throw this.syntax();
    }
    switch (t.upper) {
      case 'SELECT':
        return this.select();
      case 'INSERT':
      case 'REPLACE':
        return this.insert();
      case 'UPDATE':
        return this.update();
      case 'DELETE':
        return this.deleteStmt();
      case 'CREATE':
        return this.create();
      case 'DROP':
        return this.drop();
      case 'TRUNCATE':
        this.i++;
        this.takeWord('TABLE');
        return { k: 'truncate', table: this.tableName() };
      case 'ALTER':
        return this.alter();
      case 'RENAME':
        return this.renameTable();
      case 'BEGIN':
        this.i++;
        this.takeWord('WORK');
        return { k: 'transaction', op: 'begin' };
      case 'START':
        this.i++;
        this.expectWord('TRANSACTION');
        while (!this.isOp(';') && this.peek().kind !== 'eof') this.next();
        return { k: 'transaction', op: 'begin' };
      case 'COMMIT':
      case 'ROLLBACK':
        this.i++;
        this.takeWord('WORK');
        if (this.isWord('TO')) throw err.notSimulated('ROLLBACK TO SAVEPOINT');
        return { k: 'transaction', op: t.upper === 'COMMIT' ? 'commit' : 'rollback' };
      case 'SET':
        return this.set();
      case 'USE':
        this.i++;
        this.ident();
        return { k: 'noop', what: 'USE' };
      case 'LOCK':
      case 'UNLOCK':
        // Each simulated call runs alone on the virtual clock: table locks change nothing.
        while (!this.isOp(';') && this.peek().kind !== 'eof') this.next();
        return { k: 'noop', what: `${t.upper} TABLES` };
      case 'SHOW':
        return this.show();
      default:
        if (OTHER_STATEMENTS.has(t.upper)) throw err.notSimulated(`${t.upper} statements`);
        throw this.syntax();
    }
  }

  private select(): SelectStmt {
    this.expectWord('SELECT');
    let distinct = false;
    for (;;) {
      if (this.takeWord('DISTINCT', 'DISTINCTROW')) distinct = true;
      else if (!this.takeWord('ALL', 'HIGH_PRIORITY', 'SQL_NO_CACHE', 'SQL_CACHE', 'SQL_SMALL_RESULT', 'SQL_BIG_RESULT', 'SQL_BUFFER_RESULT', 'STRAIGHT_JOIN')) break;
    }
    if (this.isWord('SQL_CALC_FOUND_ROWS')) throw err.notSimulated('SQL_CALC_FOUND_ROWS');
    const items: SelectItem[] = [];
    do items.push(this.selectItem());
    while (this.takeOp(','));
    const from: TableRef[] = [];
    if (this.takeWord('FROM')) this.tableRefs(from);
    const where = this.takeWord('WHERE') ? this.expr() : null;
    const groupBy: Expr[] = [];
    if (this.takeWord('GROUP')) {
      this.expectWord('BY');
      do {
        groupBy.push(this.expr());
        this.takeWord('ASC', 'DESC');
      } while (this.takeOp(','));
      if (this.isWord('WITH')) throw err.notSimulated('GROUP BY ... WITH ROLLUP');
    }
    const having = this.takeWord('HAVING') ? this.expr() : null;
    const orderBy = this.orderBy();
    const limit = this.limitClause();
    if (this.takeWord('FOR')) this.expectWord('UPDATE');
    else if (this.takeWord('LOCK')) {
      this.expectWord('IN');
      this.expectWord('SHARE');
      this.expectWord('MODE');
    }
    if (this.isWord('UNION')) throw err.notSimulated('UNION');
    if (this.isWord('INTO')) throw err.notSimulated('SELECT ... INTO');
    return { k: 'select', distinct, items, from, where, groupBy, having, orderBy, limit };
  }

  private selectItem(): SelectItem {
    const start = this.peek().at;
    if (this.takeOp('*')) return { expr: null, starTable: null, alias: null, text: '*' };
    const t = this.peek();
    if (t.kind === 'word' && this.peek(1).kind === 'op' && (this.peek(1) as { text: string }).text === '.' && this.peek(2).kind === 'op' && (this.peek(2) as { text: string }).text === '*') {
      this.i += 3;
      return { expr: null, starTable: t.text, alias: null, text: `${t.text}.*` };
    }
    const expr = this.expr();
    const end = this.peek().at;
    let alias: string | null = null;
    if (this.takeWord('AS')) alias = this.aliasName();
    else if ((this.peek().kind === 'word' && !RESERVED.has((this.peek() as { upper: string }).upper)) || (this.peek().kind === 'word' && (this.peek() as { quoted: boolean }).quoted)) alias = this.aliasName();
    else if (this.peek().kind === 'string') alias = (this.next() as { value: string }).value;
    const text = expr.k === 'col' ? expr.name : this.source.slice(start, end).trim();
    return { expr, starTable: null, alias, text };
  }

  private aliasName(): string {
    const t = this.peek();
    if (t.kind === 'string') {
      this.i++;
      return t.value;
    }
    return this.ident();
  }

  private tableRefs(out: TableRef[]): void {
    out.push(this.tableFactor('first', null, null));
    for (;;) {
      if (this.takeOp(',')) {
        out.push(this.tableFactor('inner', null, null));
        continue;
      }
      let join: 'inner' | 'left' | null = null;
      if (this.isWord('JOIN', 'INNER', 'CROSS', 'STRAIGHT_JOIN')) {
        if (!this.takeWord('STRAIGHT_JOIN')) {
          this.takeWord('INNER', 'CROSS');
          this.expectWord('JOIN');
        }
        join = 'inner';
      } else if (this.isWord('LEFT')) {
        this.i++;
        this.takeWord('OUTER');
        this.expectWord('JOIN');
        join = 'left';
      } else if (this.isWord('RIGHT')) throw err.notSimulated('RIGHT JOIN (write it as a LEFT JOIN)');
      else if (this.isWord('NATURAL')) throw err.notSimulated('NATURAL JOIN');
      if (join === null) return;
      const ref = this.tableFactor(join, null, null);
      if (this.takeWord('ON')) ref.on = this.expr();
      else if (this.takeWord('USING')) {
        this.expectOp('(');
        const cols: string[] = [];
        do cols.push(this.ident());
        while (this.takeOp(','));
        this.expectOp(')');
        ref.using = cols;
      } else if (join === 'left') throw this.syntax();
      out.push(ref);
    }
  }

  private tableFactor(join: TableRef['join'], on: Expr | null, using: string[] | null): TableRef {
    if (this.isOp('(')) throw err.notSimulated('a subquery or parenthesised join in FROM');
    const table = this.tableName();
    let alias = table;
    if (this.takeWord('AS')) alias = this.ident();
    else if (this.peek().kind === 'word' && ((this.peek() as { quoted: boolean }).quoted || !RESERVED.has((this.peek() as { upper: string }).upper))) alias = this.ident();
    // Index hints steer MySQL's planner; the simulation has none, so they are read and ignored.
    while (this.isWord('USE', 'FORCE', 'IGNORE') && this.isWordAt(1, 'INDEX', 'KEY')) {
      this.i += 2;
      if (this.takeWord('FOR')) {
        this.next();
        this.takeWord('BY');
      }
      this.expectOp('(');
      while (!this.isOp(')') && this.peek().kind !== 'eof') this.next();
      this.expectOp(')');
    }
    return { table, alias, join, on, using };
  }

  private orderBy(): OrderItem[] {
    const out: OrderItem[] = [];
    if (!this.takeWord('ORDER')) return out;
    this.expectWord('BY');
    do {
      const expr = this.expr();
      const desc = this.takeWord('DESC');
      if (!desc) this.takeWord('ASC');
      out.push({ expr, desc });
    } while (this.takeOp(','));
    return out;
  }

  private limitNumber(): number {
    const t = this.next();
    if (t.kind === 'number' && /^[0-9]+$/.test(t.text)) return Number(t.text);
    if (t.kind === 'param' && (typeof t.value === 'number' || typeof t.value === 'bigint') && Number.isInteger(Number(t.value)) && Number(t.value) >= 0) return Number(t.value);
    if (t.kind === 'param' && typeof t.value === 'boolean') return t.value ? 1 : 0;
    throw this.syntax(t);
  }

  private limitClause(): Limit | null {
    if (!this.takeWord('LIMIT')) return null;
    const first = this.limitNumber();
    if (this.takeOp(',')) return { offset: first, count: this.limitNumber() };
    if (this.takeWord('OFFSET')) return { count: first, offset: this.limitNumber() };
    return { count: first, offset: 0 };
  }

  private insert(): Statement {
    const replace = this.expectWord('INSERT', 'REPLACE') === 'REPLACE';
    this.takeWord('LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY');
    const ignore = this.takeWord('IGNORE');
    this.takeWord('INTO');
    const table = this.tableName();
    let columns: string[] | null = null;
    const rows: Expr[][] = [];
    if (this.isOp('(') && !this.isWordAt(1, 'SELECT')) {
      this.i++;
      columns = [];
      if (!this.isOp(')')) {
        do columns.push(this.columnRef());
        while (this.takeOp(','));
      }
      this.expectOp(')');
    }
    if (this.takeWord('VALUES', 'VALUE')) {
      do rows.push(this.valuesRow());
      while (this.takeOp(','));
    } else if (this.takeWord('SET')) {
      if (columns !== null) throw this.syntax();
      const sets = this.assignments();
      columns = sets.map((s) => s.column);
      rows.push(sets.map((s) => s.expr));
    } else if (this.isWord('SELECT') || this.isOp('(')) throw err.notSimulated('INSERT ... SELECT');
    else throw this.syntax();
    let onDuplicate: Assignment[] | null = null;
    if (this.takeWord('ON')) {
      if (replace) throw this.syntax();
      this.expectWord('DUPLICATE');
      this.expectWord('KEY');
      this.expectWord('UPDATE');
      onDuplicate = this.assignments();
    }
    return { k: 'insert', replace, ignore, table, columns, rows, onDuplicate };
  }

  /** `t.col` or `col` in a column list: the table part is checked by the executor's single table. */
  private columnRef(): string {
    let name = this.ident();
    while (this.isOp('.') && this.peek(1).kind === 'word') {
      this.i++;
      name = this.ident();
    }
    return name;
  }

  private valuesRow(): Expr[] {
    const t = this.peek();
    if (t.kind === 'param' && Array.isArray(t.value)) {
      this.i++;
      return t.value.map((v) => paramExpr(v, this));
    }
    this.expectOp('(');
    const row: Expr[] = [];
    if (!this.isOp(')')) {
      do row.push(this.takeWord('DEFAULT') ? { k: 'default' } : this.expr());
      while (this.takeOp(','));
    }
    this.expectOp(')');
    return row;
  }

  private assignments(): Assignment[] {
    const out: Assignment[] = [];
    do {
      const column = this.columnRef();
      if (!this.takeOp('=') && !this.takeOp(':=')) throw this.syntax();
      out.push({ column, expr: this.takeWord('DEFAULT') ? { k: 'default' } : this.expr() });
    } while (this.takeOp(','));
    return out;
  }

  private update(): Statement {
    this.expectWord('UPDATE');
    this.takeWord('LOW_PRIORITY');
    const ignore = this.takeWord('IGNORE');
    const table = this.tableName();
    let alias = table;
    if (this.takeWord('AS')) alias = this.ident();
    else if (this.peek().kind === 'word' && !this.isWord('SET')) alias = this.ident();
    if (this.isOp(',') || this.isWord('JOIN', 'INNER', 'LEFT')) throw err.notSimulated('multi-table UPDATE');
    this.expectWord('SET');
    const sets = this.assignments();
    const where = this.takeWord('WHERE') ? this.expr() : null;
    const orderBy = this.orderBy();
    const limit = this.takeWord('LIMIT') ? this.limitNumber() : null;
    return { k: 'update', ignore, table, alias, sets, where, orderBy, limit };
  }

  private deleteStmt(): Statement {
    this.expectWord('DELETE');
    this.takeWord('LOW_PRIORITY');
    this.takeWord('QUICK');
    const ignore = this.takeWord('IGNORE');
    if (!this.isWord('FROM')) throw err.notSimulated('multi-table DELETE');
    this.i++;
    const table = this.tableName();
    let alias = table;
    if (this.takeWord('AS')) alias = this.ident();
    else if (this.peek().kind === 'word' && !this.isWord('WHERE', 'ORDER', 'LIMIT')) alias = this.ident();
    if (this.isOp(',') || this.isWord('USING')) throw err.notSimulated('multi-table DELETE');
    const where = this.takeWord('WHERE') ? this.expr() : null;
    const orderBy = this.orderBy();
    const limit = this.takeWord('LIMIT') ? this.limitNumber() : null;
    return { k: 'delete', ignore, table, alias, where, orderBy, limit };
  }

  private create(): Statement {
    this.expectWord('CREATE');
    if (this.takeWord('DATABASE', 'SCHEMA')) {
      while (!this.isOp(';') && this.peek().kind !== 'eof') this.next();
      return { k: 'noop', what: 'CREATE DATABASE' };
    }
    const unique = this.takeWord('UNIQUE');
    if (this.takeWord('INDEX')) {
      const name = this.ident();
      this.expectWord('ON');
      const table = this.tableName();
      const columns = this.keyParts();
      this.indexOptions();
      return { k: 'createIndex', table, index: { kind: unique ? 'unique' : 'index', name, columns } };
    }
    if (unique) throw this.syntax();
    this.takeWord('TEMPORARY');
    if (!this.takeWord('TABLE')) throw err.notSimulated(`CREATE ${this.peek().kind === 'word' ? (this.peek() as { upper: string }).upper : ''}`.trim());
    let ifNotExists = false;
    if (this.takeWord('IF')) {
      this.expectWord('NOT');
      this.expectWord('EXISTS');
      ifNotExists = true;
    }
    const table = this.tableName();
    if (this.isWord('LIKE')) throw err.notSimulated('CREATE TABLE ... LIKE');
    const stmt: CreateTableStmt = { k: 'createTable', ifNotExists, table, columns: [], indexes: [], autoIncrement: null };
    this.expectOp('(');
    do {
      if (this.isWord('PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'CONSTRAINT', 'FOREIGN', 'FULLTEXT', 'SPATIAL', 'CHECK')) {
        const ix = this.indexDef();
        if (ix !== null) stmt.indexes.push(ix);
      } else stmt.columns.push(this.columnDef());
    } while (this.takeOp(','));
    this.expectOp(')');
    const auto = this.tableOptions();
    if (auto !== null) stmt.autoIncrement = auto;
    if (this.isWord('SELECT', 'AS')) throw err.notSimulated('CREATE TABLE ... SELECT');
    return stmt;
  }

  /** Table options are storage details (ENGINE, CHARSET, COMMENT...); only AUTO_INCREMENT=n matters. */
  private tableOptions(): number | null {
    let auto: number | null = null;
    for (;;) {
      this.takeOp(',');
      if (this.takeWord('DEFAULT')) continue;
      if (this.isWord('AUTO_INCREMENT')) {
        this.i++;
        this.takeOp('=');
        const t = this.next();
        if (t.kind !== 'number') throw this.syntax(t);
        auto = Number(t.text);
        continue;
      }
      if (this.isWord('CHARACTER')) {
        this.i++;
        this.expectWord('SET');
        this.takeOp('=');
        this.next();
        continue;
      }
      if (this.isWord('ENGINE', 'CHARSET', 'COLLATE', 'COMMENT', 'ROW_FORMAT', 'AVG_ROW_LENGTH', 'MAX_ROWS', 'MIN_ROWS', 'KEY_BLOCK_SIZE', 'CHECKSUM', 'PACK_KEYS', 'STATS_PERSISTENT', 'TYPE', 'DELAY_KEY_WRITE', 'COMPRESSION', 'ENCRYPTION')) {
        this.i++;
        this.takeOp('=');
        this.next();
        continue;
      }
      if (this.isWord('PARTITION')) throw err.notSimulated('PARTITION BY');
      return auto;
    }
  }

  private keyParts(): string[] {
    this.expectOp('(');
    const cols: string[] = [];
    do {
      cols.push(this.ident());
      if (this.takeOp('(')) {
        this.next();
        this.expectOp(')');
      }
      this.takeWord('ASC', 'DESC');
    } while (this.takeOp(','));
    this.expectOp(')');
    return cols;
  }

  private indexOptions(): void {
    for (;;) {
      if (this.takeWord('USING')) this.expectWord('BTREE', 'HASH');
      else if (this.takeWord('COMMENT')) {
        if (this.next().kind !== 'string') throw this.syntax();
      } else if (this.takeWord('KEY_BLOCK_SIZE')) {
        this.takeOp('=');
        this.next();
      } else if (!this.takeWord('VISIBLE', 'INVISIBLE')) return;
    }
  }

  private indexDef(): IndexDef | null {
    let name: string | null = null;
    if (this.takeWord('CONSTRAINT')) {
      if (!this.isWord('PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) name = this.ident();
    }
    if (this.isWord('FOREIGN')) throw err.notSimulated('FOREIGN KEY constraints');
    if (this.isWord('CHECK')) throw err.notSimulated('CHECK constraints');
    if (this.isWord('FULLTEXT', 'SPATIAL')) throw err.notSimulated(`${(this.peek() as { upper: string }).upper} indexes`);
    let kind: IndexDef['kind'];
    if (this.takeWord('PRIMARY')) {
      this.expectWord('KEY');
      kind = 'primary';
    } else if (this.takeWord('UNIQUE')) {
      this.takeWord('KEY', 'INDEX');
      kind = 'unique';
    } else {
      this.expectWord('KEY', 'INDEX');
      kind = 'index';
    }
    if (kind !== 'primary' && !this.isOp('(') && !this.isWord('USING')) name = this.ident();
    if (this.takeWord('USING')) this.expectWord('BTREE', 'HASH');
    const columns = this.keyParts();
    this.indexOptions();
    return { kind, name, columns };
  }

  columnDef(): ColumnDef {
    const name = this.ident();
    const type = this.columnType();
    const col: ColumnDef = { name, type, notNull: false, defaultValue: null, autoIncrement: false, primary: false, unique: false, onUpdateNow: false };
    for (;;) {
      if (this.takeWord('NOT')) {
        this.expectWord('NULL');
        col.notNull = true;
      } else if (this.takeWord('NULL')) col.notNull = false;
      else if (this.takeWord('DEFAULT')) col.defaultValue = this.defaultValue();
      else if (this.takeWord('AUTO_INCREMENT')) col.autoIncrement = true;
      else if (this.takeWord('PRIMARY')) {
        this.expectWord('KEY');
        col.primary = true;
      } else if (this.takeWord('UNIQUE')) {
        this.takeWord('KEY');
        col.unique = true;
      } else if (this.takeWord('KEY')) col.primary = true;
      else if (this.takeWord('COMMENT')) {
        if (this.next().kind !== 'string') throw this.syntax();
      } else if (this.takeWord('CHARACTER')) {
        this.expectWord('SET');
        this.next();
      } else if (this.takeWord('CHARSET', 'COLLATE')) this.next();
      else if (this.takeWord('ON')) {
        this.expectWord('UPDATE');
        this.nowExpression();
        col.onUpdateNow = true;
      } else if (this.isWord('REFERENCES')) throw err.notSimulated('REFERENCES (foreign keys)');
      else if (this.isWord('GENERATED', 'AS')) throw err.notSimulated('generated columns');
      else if (!this.takeWord('SIGNED', 'UNSIGNED', 'ZEROFILL', 'BINARY', 'COLUMN_FORMAT', 'FIXED', 'DYNAMIC', 'STORAGE', 'DISK', 'MEMORY', 'VISIBLE', 'INVISIBLE')) break;
    }
    if (col.primary) col.notNull = true;
    return col;
  }

  private nowExpression(): void {
    const w = this.expectWord('CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP');
    if (this.takeOp('(')) {
      if (!this.isOp(')')) this.next();
      this.expectOp(')');
    } else if (w === 'NOW') throw this.syntax();
  }

  private defaultValue(): ColumnDef['defaultValue'] {
    if (this.isWord('CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP')) {
      this.nowExpression();
      return { k: 'now' };
    }
    if (this.takeWord('NULL')) return { k: 'value', v: null };
    const neg = this.takeOp('-');
    if (!neg) this.takeOp('+');
    const t = this.next();
    if (t.kind === 'number') {
      const v = numberLiteral(t.text);
      return { k: 'value', v: neg ? negate(v) : v };
    }
    if (t.kind === 'string' && !neg) return { k: 'value', v: t.value };
    if (t.kind === 'word' && !t.quoted && (t.upper === 'TRUE' || t.upper === 'FALSE') && !neg) return { k: 'value', v: t.upper === 'TRUE' ? 1 : 0 };
    if (t.kind === 'op' && t.text === '(') throw err.notSimulated('expression defaults');
    throw this.syntax(t);
  }

  private columnType(): ColumnType {
    const t = this.peek();
    if (t.kind !== 'word') throw this.syntax();
    this.i++;
    let base = t.upper;
    if (base === 'DOUBLE') this.takeWord('PRECISION');
    if (base === 'CHARACTER' || base === 'NATIONAL') {
      this.takeWord('CHARACTER');
      base = this.takeWord('VARYING') ? 'VARCHAR' : 'CHAR';
    }
    if (base === 'NCHAR') base = 'CHAR';
    if (base === 'NVARCHAR') base = 'VARCHAR';
    if (!KNOWN_TYPES.has(base)) throw err.notSimulated(`column type ${base}`);
    const type: ColumnType = { base, length: null, scale: null, unsigned: false, values: null };
    if (base === 'ENUM') {
      this.expectOp('(');
      type.values = [];
      do {
        const v = this.next();
        if (v.kind !== 'string') throw this.syntax(v);
        type.values.push(v.value);
      } while (this.takeOp(','));
      this.expectOp(')');
    } else if (this.takeOp('(')) {
      const a = this.next();
      if (a.kind !== 'number') throw this.syntax(a);
      type.length = Number(a.text);
      if (this.takeOp(',')) {
        const b = this.next();
        if (b.kind !== 'number') throw this.syntax(b);
        type.scale = Number(b.text);
      }
      this.expectOp(')');
    }
    if (base === 'BOOL' || base === 'BOOLEAN') {
      type.base = 'TINYINT';
      type.length = 1;
    }
    for (;;) {
      if (this.takeWord('UNSIGNED')) type.unsigned = true;
      else if (!this.takeWord('SIGNED', 'ZEROFILL')) break;
    }
    if (this.isWord('CHARACTER')) {
      this.i++;
      this.expectWord('SET');
      this.next();
    }
    return type;
  }

  private drop(): Statement {
    this.expectWord('DROP');
    if (this.takeWord('INDEX', 'KEY')) {
      const name = this.ident();
      this.expectWord('ON');
      return { k: 'dropIndex', table: this.tableName(), name };
    }
    if (this.takeWord('DATABASE', 'SCHEMA')) throw err.notSimulated('DROP DATABASE');
    this.takeWord('TEMPORARY');
    this.expectWord('TABLE');
    let ifExists = false;
    if (this.takeWord('IF')) {
      this.expectWord('EXISTS');
      ifExists = true;
    }
    const tables: string[] = [];
    do tables.push(this.tableName());
    while (this.takeOp(','));
    this.takeWord('RESTRICT', 'CASCADE');
    return { k: 'dropTable', ifExists, tables };
  }

  private alter(): Statement {
    this.expectWord('ALTER');
    this.takeWord('IGNORE');
    this.expectWord('TABLE');
    const table = this.tableName();
    const actions: AlterAction[] = [];
    do actions.push(this.alterAction());
    while (this.takeOp(','));
    return { k: 'alter', table, actions };
  }

  private alterAction(): AlterAction {
    if (this.takeWord('ADD')) {
      if (this.isWord('PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'CONSTRAINT', 'FOREIGN', 'FULLTEXT', 'SPATIAL', 'CHECK')) {
        const index = this.indexDef();
        return index === null ? { k: 'noop' } : { k: 'addIndex', index };
      }
      this.takeWord('COLUMN');
      if (this.isOp('(')) throw err.notSimulated('ALTER TABLE ... ADD (several columns)');
      const column = this.columnDef();
      const position = { first: false, after: null as string | null };
      if (this.takeWord('FIRST')) position.first = true;
      else if (this.takeWord('AFTER')) position.after = this.ident();
      return { k: 'addColumn', column, position };
    }
    if (this.takeWord('DROP')) {
      if (this.takeWord('PRIMARY')) {
        this.expectWord('KEY');
        return { k: 'dropPrimary' };
      }
      if (this.takeWord('INDEX', 'KEY')) return { k: 'dropIndex', name: this.ident() };
      if (this.isWord('FOREIGN')) throw err.notSimulated('DROP FOREIGN KEY');
      this.takeWord('COLUMN');
      return { k: 'dropColumn', name: this.ident() };
    }
    if (this.takeWord('MODIFY')) {
      this.takeWord('COLUMN');
      const column = this.columnDef();
      this.positionIgnored();
      return { k: 'modifyColumn', from: column.name, column };
    }
    if (this.takeWord('CHANGE')) {
      this.takeWord('COLUMN');
      const from = this.ident();
      const column = this.columnDef();
      this.positionIgnored();
      return { k: 'modifyColumn', from, column };
    }
    if (this.takeWord('RENAME')) {
      if (this.isWord('COLUMN', 'INDEX', 'KEY')) throw err.notSimulated('ALTER TABLE ... RENAME COLUMN/INDEX');
      this.takeWord('TO', 'AS');
      return { k: 'rename', to: this.tableName() };
    }
    if (this.isWord('CONVERT')) {
      while (!this.isOp(',') && !this.isOp(';') && this.peek().kind !== 'eof') this.next();
      return { k: 'noop' };
    }
    const before = this.i;
    const auto = this.tableOptions();
    if (auto !== null) return { k: 'autoIncrement', value: auto };
    if (this.i > before) return { k: 'noop' };
    throw err.notSimulated(`ALTER TABLE ${this.peek().kind === 'word' ? (this.peek() as { upper: string }).upper : ''}`.trim());
  }

  private positionIgnored(): void {
    // Column order matters to SELECT *; MODIFY/CHANGE keep the column where it is.
    if (this.isWord('FIRST', 'AFTER')) throw err.notSimulated('moving a column with FIRST / AFTER');
  }

  private renameTable(): Statement {
    this.expectWord('RENAME');
    this.expectWord('TABLE');
    const pairs: Array<[string, string]> = [];
    do {
      const from = this.tableName();
      this.expectWord('TO');
      pairs.push([from, this.tableName()]);
    } while (this.takeOp(','));
    return { k: 'renameTable', pairs };
  }

  private set(): Statement {
    this.expectWord('SET');
    if (this.isWord('TRANSACTION')) {
      while (!this.isOp(';') && this.peek().kind !== 'eof') this.next();
      return { k: 'noop', what: 'SET TRANSACTION' };
    }
    if (this.isOp('@')) throw err.notSimulated('user variables (SET @x)');
    const t = this.peek();
    if (t.kind === 'word' && t.upper === 'AUTOCOMMIT') throw err.notSimulated('SET autocommit (use conn.autocommit(False) in the function)');
    // SET NAMES / CHARACTER SET / SQL_MODE / time_zone / FOREIGN_KEY_CHECKS ...: session settings
    // the simulated server does not change.
    while (!this.isOp(';') && this.peek().kind !== 'eof') this.next();
    return { k: 'noop', what: 'SET' };
  }

  private show(): Statement {
    this.expectWord('SHOW');
    this.takeWord('FULL');
    if (!this.takeWord('TABLES')) throw err.notSimulated(`SHOW ${this.peek().kind === 'word' ? (this.peek() as { upper: string }).upper : ''}`.trim());
    if (this.takeWord('FROM', 'IN')) this.ident();
    let like: string | null = null;
    if (this.takeWord('LIKE')) {
      const p = this.next();
      if (p.kind === 'string') like = p.value;
      else if (p.kind === 'param' && typeof p.value === 'string') like = p.value;
      else throw this.syntax(p);
    }
    return { k: 'showTables', like };
  }

  // ---------------------------------------------------------------- expressions

  expr(): Expr {
    this.enter();
    try {
      return this.orExpr();
    } finally {
      this.leave();
    }
  }

  private orExpr(): Expr {
    let l = this.xorExpr();
    while (this.isWord('OR') || this.isOp('||')) {
      this.i++;
      l = this.bin('OR', l, this.xorExpr());
    }
    return l;
  }

  private xorExpr(): Expr {
    let l = this.andExpr();
    while (this.takeWord('XOR')) l = this.bin('XOR', l, this.andExpr());
    return l;
  }

  private andExpr(): Expr {
    let l = this.notExpr();
    while (this.isWord('AND') || this.isOp('&&')) {
      this.i++;
      l = this.bin('AND', l, this.notExpr());
    }
    return l;
  }

  private notExpr(): Expr {
    if (this.takeWord('NOT')) {
      this.enter();
      try {
        return { k: 'unary', op: 'NOT', e: this.notExpr() };
      } finally {
        this.leave();
      }
    }
    return this.predicate();
  }

  private predicate(): Expr {
    let e = this.bitExpr();
    for (;;) {
      if (this.operators > MAX_OPERATORS) throw err.notSimulated(`statements with more than ${MAX_OPERATORS} operators`);
      this.operators++;
      if (this.takeWord('IS')) {
        const not = this.takeWord('NOT');
        const what = this.expectWord('NULL', 'TRUE', 'FALSE', 'UNKNOWN');
        e = { k: 'is', e, not, what: what === 'UNKNOWN' ? 'NULL' : (what as 'NULL' | 'TRUE' | 'FALSE') };
        continue;
      }
      const not = this.isWord('NOT') && this.isWordAt(1, 'IN', 'LIKE', 'BETWEEN', 'REGEXP', 'RLIKE');
      if (not) this.i++;
      if (this.takeWord('IN')) {
        e = { k: 'in', e, not, items: this.inList() };
        continue;
      }
      if (this.takeWord('LIKE')) {
        const pattern = this.bitExpr();
        const escape = this.takeWord('ESCAPE') ? this.primary() : null;
        e = { k: 'like', e, pattern, escape, not };
        continue;
      }
      if (this.takeWord('BETWEEN')) {
        const lo = this.bitExpr();
        this.expectWord('AND');
        const hi = this.bitExpr();
        e = { k: 'between', e, lo, hi, not };
        continue;
      }
      if (this.isWord('REGEXP', 'RLIKE')) throw err.notSimulated('REGEXP');
      if (not) throw this.syntax();
      if (this.isWord('SOUNDS')) throw err.notSimulated('SOUNDS LIKE');
      const t = this.peek();
      if (t.kind === 'op' && ['=', '<=>', '<>', '!=', '<', '<=', '>', '>='].includes(t.text)) {
        this.i++;
        if (this.isWord('ANY', 'ALL', 'SOME')) throw err.notSimulated('ANY / ALL subqueries');
        e = this.bin(t.text === '!=' ? '<>' : t.text, e, this.bitExpr());
        continue;
      }
      return e;
    }
  }

  private inList(): Expr[] {
    const t = this.peek();
    if (t.kind === 'param') {
      this.i++;
      if (!Array.isArray(t.value)) throw this.syntax(t);
      if (t.value.length === 0) throw this.syntax(this.peek());
      return t.value.map((v) => paramExpr(v, this));
    }
    this.expectOp('(');
    if (this.isWord('SELECT')) throw err.notSimulated('IN (subquery)');
    const items: Expr[] = [];
    do items.push(this.expr());
    while (this.takeOp(','));
    this.expectOp(')');
    return items;
  }

  private bitExpr(): Expr {
    let l = this.bitAnd();
    while (this.isOp('|')) {
      this.i++;
      l = this.bin('|', l, this.bitAnd());
    }
    return l;
  }

  private bitAnd(): Expr {
    let l = this.shift();
    while (this.isOp('&')) {
      this.i++;
      l = this.bin('&', l, this.shift());
    }
    return l;
  }

  private shift(): Expr {
    let l = this.additive();
    while (this.isOp('<<') || this.isOp('>>')) {
      const op = (this.next() as { text: string }).text;
      l = this.bin(op, l, this.additive());
    }
    return l;
  }

  private additive(): Expr {
    let l = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { text: string }).text;
      if (this.isWord('INTERVAL')) throw err.notSimulated('INTERVAL arithmetic');
      l = this.bin(op, l, this.multiplicative());
    }
    return l;
  }

  private multiplicative(): Expr {
    let l = this.xorBits();
    for (;;) {
      if (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
        const op = (this.next() as { text: string }).text;
        l = this.bin(op, l, this.xorBits());
      } else if (this.isWord('DIV', 'MOD')) {
        const op = (this.next() as { upper: string }).upper;
        l = this.bin(op === 'MOD' ? '%' : 'DIV', l, this.xorBits());
      } else return l;
    }
  }

  private xorBits(): Expr {
    let l = this.unary();
    while (this.isOp('^')) {
      this.i++;
      l = this.bin('^', l, this.unary());
    }
    return l;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~' || t.text === '!')) {
      this.i++;
      this.enter();
      try {
        const e = this.unary();
        if (t.text === '-' && e.k === 'lit' && (typeof e.v === 'number' || typeof e.v === 'bigint')) return { k: 'lit', v: negate(e.v) };
        return { k: 'unary', op: t.text === '!' ? 'NOT' : (t.text as '-' | '+' | '~'), e };
      } finally {
        this.leave();
      }
    }
    if (this.takeWord('BINARY')) return this.unary();
    const e = this.primary();
    if (this.takeWord('COLLATE')) this.next();
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { k: 'lit', v: numberLiteral(t.text) };
      case 'string': {
        let v = t.value;
        // Adjacent literals concatenate: 'a' 'b' is 'ab'.
        while (this.peek().kind === 'string') v += (this.next() as { value: string }).value;
        return { k: 'lit', v };
      }
      case 'param':
        return paramExpr(t.value, this, t);
      case 'op':
        if (t.text === '(') {
          if (this.isWord('SELECT')) throw err.notSimulated('subqueries');
          const e = this.expr();
          if (this.isOp(',')) throw err.notSimulated('row constructors');
          this.expectOp(')');
          return e;
        }
        if (t.text === '@') throw err.notSimulated('user variables (@x)');
        if (t.text === '?') throw err.notSimulated("'?' placeholders (MySQLdb uses %s)");
        throw this.syntax(t);
      case 'word':
        return this.wordExpr(t);
      case 'eof':
        throw this.syntax(t);
    }
  }

  private wordExpr(t: Extract<Token, { kind: 'word' }>): Expr {
    if (!t.quoted) {
      switch (t.upper) {
        case 'NULL':
          return { k: 'lit', v: null };
        case 'TRUE':
          return { k: 'lit', v: 1 };
        case 'FALSE':
          return { k: 'lit', v: 0 };
        case 'CASE':
          return this.caseExpr();
        case 'EXISTS':
          throw err.notSimulated('EXISTS subqueries');
        case 'INTERVAL':
          throw err.notSimulated('INTERVAL');
        case 'CURRENT_TIMESTAMP':
        case 'CURRENT_DATE':
        case 'CURRENT_TIME':
        case 'LOCALTIME':
        case 'LOCALTIMESTAMP':
        case 'UTC_TIMESTAMP':
          if (this.takeOp('(')) this.expectOp(')');
          return { k: 'fn', name: t.upper === 'CURRENT_DATE' ? 'CURDATE' : t.upper === 'CURRENT_TIME' ? 'CURTIME' : 'NOW', args: [], distinct: false, star: false, separator: null };
        case 'CAST':
          if (this.isOp('(')) return this.cast();
          break;
        case 'DEFAULT':
          throw err.notSimulated('DEFAULT(column)');
        case 'MATCH':
          if (this.isOp('(')) throw err.notSimulated('MATCH ... AGAINST');
          break;
      }
      if (RESERVED.has(t.upper) && !this.isOp('(')) throw this.syntax(t);
    }
    if (this.isOp('(') && !t.quoted) return this.call(t.upper);
    if (this.isOp('.') && this.peek(1).kind === 'word') {
      this.i++;
      const col = this.next() as Extract<Token, { kind: 'word' }>;
      if (this.isOp('.') && this.peek(1).kind === 'word') {
        // db.table.column
        this.i++;
        const c2 = this.next() as Extract<Token, { kind: 'word' }>;
        return { k: 'col', table: col.text, name: c2.text, at: t.at };
      }
      return { k: 'col', table: t.text, name: col.text, at: t.at };
    }
    return { k: 'col', table: null, name: t.text, at: t.at };
  }

  private caseExpr(): Expr {
    const operand = this.isWord('WHEN') ? null : this.expr();
    const whens: Array<[Expr, Expr]> = [];
    while (this.takeWord('WHEN')) {
      const w = this.expr();
      this.expectWord('THEN');
      whens.push([w, this.expr()]);
    }
    if (whens.length === 0) throw this.syntax();
    const otherwise = this.takeWord('ELSE') ? this.expr() : null;
    this.expectWord('END');
    return { k: 'case', operand, whens, otherwise };
  }

  private cast(): Expr {
    this.expectOp('(');
    const e = this.expr();
    this.expectWord('AS');
    let to = this.expectWord('SIGNED', 'UNSIGNED', 'CHAR', 'DECIMAL', 'DATETIME', 'DATE', 'BINARY', 'DOUBLE', 'JSON');
    if (to === 'SIGNED' || to === 'UNSIGNED') this.takeWord('INTEGER', 'INT');
    if (this.takeOp('(')) {
      while (!this.isOp(')') && this.peek().kind !== 'eof') this.next();
      this.expectOp(')');
    }
    if (to === 'BINARY') to = 'CHAR';
    this.expectOp(')');
    return { k: 'cast', e, to };
  }

  private call(name: string): Expr {
    this.expectOp('(');
    const fn: Extract<Expr, { k: 'fn' }> = { k: 'fn', name, args: [], distinct: false, star: false, separator: null };
    if (name === 'COUNT' && this.isOp('*')) {
      this.i++;
      fn.star = true;
      this.expectOp(')');
      return fn;
    }
    if (this.takeWord('DISTINCT')) fn.distinct = true;
    if (!this.isOp(')')) {
      do fn.args.push(this.expr());
      while (this.takeOp(','));
    }
    if (name === 'GROUP_CONCAT') {
      if (this.isWord('ORDER')) throw err.notSimulated('GROUP_CONCAT(... ORDER BY)');
      if (this.takeWord('SEPARATOR')) {
        const s = this.next();
        if (s.kind !== 'string') throw this.syntax(s);
        fn.separator = s.value;
      }
    }
    if (this.isWord('FROM', 'FOR', 'USING', 'AS', 'IN')) throw err.notSimulated(`${name}(... ${(this.peek() as { upper: string }).upper} ...)`);
    this.expectOp(')');
    if (this.isWord('OVER')) throw err.notSimulated('window functions');
    return fn;
  }
}

function negate(v: SqlValue): SqlValue {
  if (typeof v === 'number') return -v;
  if (typeof v === 'bigint') {
    const n = -v;
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  return v;
}

/** A bound parameter as an expression: a literal, or a list where a parenthesised list may stand. */
function paramExpr(v: ParamValue, p: Parser, at?: Token): Expr {
  if (Array.isArray(v)) {
    if (at !== undefined) throw err.operandColumns(1);
    if (v.some(Array.isArray)) throw err.operandColumns(1);
    return { k: 'list', items: v.map((x) => paramExpr(x, p)) };
  }
  if (typeof v === 'boolean') return { k: 'lit', v: v ? 1 : 0 };
  if (typeof v === 'number' && !Number.isFinite(v)) throw err.notSimulated('inf / nan parameters (MySQL has no such numbers)');
  return { k: 'lit', v };
}
