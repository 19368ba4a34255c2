// Properties of the SQL front end: no input makes it throw or fail internally (every answer is a
// result or a MySQL / Python error), and parameters are values, never SQL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MysqlStore } from './store';

function fresh(): MysqlStore {
  const s = new MysqlStore({ maxRows: 500, maxBytes: 1 << 20, maxExamined: 20_000, epochMs: 0, seed: 1, database: 'mod' });
  for (const sql of [
    'CREATE TABLE t (id int unsigned primary key auto_increment, name varchar(20) not null default "", lv int, d datetime, j json)',
    'CREATE TABLE u (uid bigint, tag varchar(10), unique key (uid, tag))',
    'INSERT INTO t (name, lv) VALUES ("a", 1), ("B", 2), ("c", NULL)',
    'INSERT INTO u VALUES (1, "x"), (2, "y")',
  ]) {
    const out = s.run(sql, null, 0);
    if (!out.ok) throw new Error(out.failure.message);
  }
  return s;
}

const WORDS = [
  'SELECT', 'INSERT', 'INTO', 'UPDATE', 'DELETE', 'FROM', 'WHERE', 'SET', 'VALUES', 'VALUE', 'ON', 'DUPLICATE', 'KEY', 'REPLACE',
  'CREATE', 'TABLE', 'IF', 'NOT', 'EXISTS', 'DROP', 'ALTER', 'ADD', 'COLUMN', 'INDEX', 'PRIMARY', 'UNIQUE', 'ORDER', 'BY', 'GROUP',
  'HAVING', 'LIMIT', 'OFFSET', 'ASC', 'DESC', 'AND', 'OR', 'XOR', 'IN', 'LIKE', 'BETWEEN', 'IS', 'NULL', 'COUNT', 'SUM', 'MAX',
  'DISTINCT', 'AS', 'JOIN', 'LEFT', 'USING', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'BEGIN', 'COMMIT', 'ROLLBACK', 'TRUNCATE',
  'VALUES(lv)', 'NOW()', 'int', 'varchar(5)', 'datetime', 't', 'u', 'id', 'name', 'lv', 'uid', 'tag', '`t`', '`weird``name`',
  '*', ',', '(', ')', '=', '<', '>', '<=', '<>', '!=', '+', '-', '/', '%', '%s', '%%', '%(k)s', ';', '.', "'str'", '"dq"', "'it''s'",
  "'\\'", '1', '0', '-1', '2.5', '1e3', '0x1F', '99999999999999999999', '--', '#', '/*', '*/', '\n', '?', '@v', 'é', '\u0000',
];

const STARTS = ['', 'SELECT * FROM t WHERE', 'SELECT name, COUNT(*) FROM t GROUP BY name HAVING', 'SELECT id FROM t ORDER BY', 'INSERT INTO t (name, lv) VALUES', 'UPDATE t SET lv =', 'DELETE FROM t WHERE', 'CREATE TABLE n (', 'ALTER TABLE t', 'SELECT * FROM t JOIN u ON'];
const soup = fc.tuple(fc.constantFrom(...STARTS), fc.array(fc.constantFrom(...WORDS), { maxLength: 25 })).map(([start, ws]) => [start, ...ws].join(' '));
const param = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }));
const params = fc.oneof(fc.constant(null), fc.array(param, { maxLength: 4 }), fc.dictionary(fc.constantFrom('k', 'x'), param), param);

function answers(s: MysqlStore, sql: string, p: unknown): void {
  const out = s.run(sql, p, 0);
  if (!out.ok) {
    expect(out.failure.type, `${sql} -> ${out.failure.message}`).not.toBe('InternalError');
    expect(typeof out.failure.message).toBe('string');
  }
}

describe('the SQL front end', () => {
  it('answers token soup with a result or an error, never an exception', () => {
    const s = fresh();
    fc.assert(
      fc.property(soup, params, (sql, p) => answers(s, sql, p)),
      { numRuns: 3000 },
    );
  });

  it('answers arbitrary text the same way', () => {
    const s = fresh();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), params, (sql, p) => answers(s, sql, p)),
      { numRuns: 2000 },
    );
  });

  it('refuses very deep nesting and very long operator chains with an error, not a stack overflow', () => {
    const s = fresh();
    for (const sql of [
      `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`,
      `SELECT ${'-'.repeat(5000)}1`,
      `SELECT ${'NOT '.repeat(5000)}1`,
      `SELECT 1${' + 1'.repeat(50_000)}`,
      `SELECT 1${' IS NULL'.repeat(50_000)}`,
      `SELECT * FROM t WHERE ${Array.from({ length: 1500 }, (_, i) => `id = ${i}`).join(' OR ')}`,
    ]) {
      const out = s.run(sql, null, 0);
      if (!out.ok) expect(out.failure.type, sql.slice(0, 40)).not.toBe('InternalError');
    }
  });
});

describe('parameters', () => {
  it('are values: any text finds exactly the rows holding it, and never changes the statement', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("x' OR '1'='1", '" OR 1=1 -- ', "'; DROP TABLE t; --", '\\', '%', '_', '%s')), (text) => {
        const s = fresh();
        const sel = s.run('SELECT COUNT(*) FROM t WHERE name = %s', [text], 0);
        expect(sel.ok).toBe(true);
        const expected = ['a', 'B', 'c'].filter((n) => n.toLowerCase() === text.replace(/ +$/, '').toLowerCase()).length;
        expect(sel.ok && sel.result.rows).toEqual([[expected]]);
        const del = s.run('DELETE FROM t WHERE name = %s', [text], 0);
        expect(del.ok && del.result.affected).toBe(expected);
        const ins = s.run('INSERT INTO u (uid, tag) VALUES (%s, %s)', [9, text], 0);
        if (ins.ok) expect(s.run('SELECT tag FROM u WHERE uid = 9', null, 0)).toMatchObject({ ok: true, result: { rows: [[text]] } });
        expect(s.run('SELECT COUNT(*) FROM u WHERE uid < 9', null, 0)).toMatchObject({ ok: true, result: { rows: [[2]] } });
      }),
      { numRuns: 500 },
    );
  });
});

describe('unique-index lookups', () => {
  it('find exactly the rows a scan finds', () => {
    const s = new MysqlStore({ maxRows: 500, maxBytes: 1 << 20, maxExamined: 20_000, epochMs: 0, seed: 1, database: 'mod' });
    const setup = [
      'CREATE TABLE keyed (k int unsigned primary key, t varchar(6) not null, unique key (t))',
      'CREATE TABLE plain (k int unsigned, t varchar(6) not null)',
    ];
    for (const sql of setup) s.run(sql, null, 0);
    const rows: Array<[number, string]> = [[0, 'a'], [1, 'B'], [5, 'c  '], [7, '10'], [4294967295, 'é']];
    for (const table of ['keyed', 'plain']) for (const r of rows) s.run(`INSERT INTO ${table} VALUES (%s, %s)`, r, 0);
    const probe = fc.oneof(fc.integer({ min: -2, max: 10 }), fc.constantFrom(4294967295, 4294967296, 1.5, -0, 1e300), fc.constantFrom('a', 'A', 'b ', 'c', 'C   ', '10', '10.0', ' 10', '7', 'é', 'e', 'toolongvalue', ''), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(probe, fc.constantFrom('k', 't'), (v, col) => {
        for (const sql of [`SELECT k, t FROM %T WHERE ${col} = %s`, `UPDATE %T SET t = t WHERE ${col} = %s AND k >= 0`, `SELECT COUNT(*) FROM %T WHERE ${col} = %s AND 1 = 1`]) {
          const a = s.run(sql.replace('%T', 'keyed'), [v], 0);
          const b = s.run(sql.replace('%T', 'plain'), [v], 0);
          expect(a.ok && { rows: a.result.rows, n: a.result.affected }, `${sql} ${String(v)}`).toEqual(b.ok && { rows: b.result.rows, n: b.result.affected });
        }
      }),
      { numRuns: 500 },
    );
  });
});
