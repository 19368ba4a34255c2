import { describe, expect, it } from 'vitest';
import { describeError } from './result';
import { SimulatedStorage, storageForRun } from './storage';

describe('SimulatedStorage.execute', () => {
  it('answers the mysqlPool calls with what their callbacks receive', () => {
    const s = new SimulatedStorage();
    expect(s.execute('mysql', ['EXECUTE', 'CREATE TABLE player (uid bigint primary key, name varchar(20), t datetime, f double, m decimal(8,2))', null], 0)).toEqual({ args: [true] });
    expect(s.execute('mysql', ['EXECUTE', 'insert into player values (%s, %s, %s, %s, %s)', [1, 'test1', '2026-01-01 08:00:00', 2, '3.5']], 0)).toEqual({ args: [true] });
    expect(s.execute('mysql', ['QUERY', 'select uid, name, t, f, m, f / 4 from player where uid = %s', [1]], 0)).toEqual({
      args: [[[1, 'test1', { $datetime: '2026-01-01 08:00:00' }, { $float: 2 }, { $decimal: '3.50' }, { $float: 0.5 }]]],
    });
    expect(s.execute('mysql', ['QUERY', 'select uid from player where uid = %s', [2]], 0)).toEqual({ args: [[]] });
    expect(s.execute('mysql', ['QUERY', 'update player set name = "x"', null], 0)).toEqual({ args: [[]] });
    expect(s.execute('mysql', ['QUERY', 'select nope from player', null], 0)).toMatchObject({ args: [null], error: { type: 'OperationalError', code: 1054 } });
    expect(s.execute('mysql', ['EXECUTE', 'insert into player (uid) values (1)', null], 0)).toMatchObject({ args: [false], error: { type: 'IntegrityError', code: 1062 } });
    expect(s.execute('mysql', ['FETCHALL', 'select count(*) from player', []], 0)).toEqual({ args: [[[1]]] });
  });

  it('AsyncInsertOne / SyncInsert answer the new id; AsyncExecutemany is all or nothing', () => {
    const s = new SimulatedStorage();
    s.execute('mysql', ['EXECUTE', 'CREATE TABLE pay (id int primary key auto_increment, v varchar(5) not null)', null], 0);
    expect(s.execute('mysql', ['INSERTONE', 'insert into pay (v) values (%s)', '648'], 0)).toEqual({ args: [1] });
    expect(s.execute('mysql', ['INSERT', 'insert into pay (v) values (%s)', ['328']], 0)).toEqual({ args: [2] });
    expect(s.execute('mysql', ['EXECUTEMANY', 'insert into pay (v) values (%s)', [['a'], ['b'], ['c']]], 0)).toEqual({ args: [3] });
    expect(s.execute('mysql', ['EXECUTEMANY', 'insert into pay (v) values (%s)', [['d'], [null]]], 0)).toMatchObject({ args: [null], error: { code: 1048 } });
    expect(s.execute('mysql', ['QUERY', 'select count(*) from pay', null], 0)).toEqual({ args: [[[5]]] });
  });

  it('answers the cursor of AsyncExecuteFunctionWithOrderKey with rows, rowcount and lastrowid; BEGIN / ROLLBACK undo', () => {
    const s = new SimulatedStorage();
    s.execute('mysql', ['CURSOR', 'CREATE TABLE k (id int primary key auto_increment, v int)', null], 0);
    expect(s.execute('mysql', ['CURSOR', 'insert into k (v) values (1), (2)', null], 0)).toEqual({ args: [{ columns: null, rows: null, rowcount: 2, lastrowid: 1 }] });
    s.execute('mysql', ['BEGIN'], 0);
    s.execute('mysql', ['CURSOR', 'delete from k', null], 0);
    s.execute('mysql', ['ROLLBACK'], 0);
    expect(s.execute('mysql', ['CURSOR', 'select id, v from k order by v desc', null], 0)).toEqual({ args: [{ columns: ['id', 'v'], rows: [[2, 2], [1, 1]], rowcount: 2, lastrowid: 0 }] });
  });

  it('answers redisPool calls, and FUNC without touching the store', () => {
    const s = new SimulatedStorage();
    expect(s.execute('redis', ['SET', 'k', 'v'], 0)).toEqual({ args: [true] });
    expect(s.execute('redis', ['FUNC', 'k', 'GetValueFromKey'], 0)).toEqual({ args: [] });
    expect(s.execute('redis', ['GET', 'k'], 0)).toEqual({ args: ['v'] });
  });

  it('refuses malformed commands and unknown stores with an error result', () => {
    const s = new SimulatedStorage();
    expect(s.execute('redis', 'GET k', 0)).toMatchObject({ args: [null], error: { type: 'TypeError' } });
    expect(s.execute('redis', [], 0)).toMatchObject({ args: [null], error: { type: 'TypeError' } });
    expect(s.execute('mongo', ['x'], 0)).toMatchObject({ args: [null], error: { type: 'TypeError' } });
    expect(s.execute('mysql', ['NOPE'], 0)).toMatchObject({ args: [null], error: { type: 'TypeError' } });
  });

  it('is deterministic: the same commands and seed give the same answers', () => {
    const run = (): unknown[] => {
      const s = new SimulatedStorage({ seed: 42 });
      const out: unknown[] = [];
      out.push(s.execute('redis', ['SADD', 's', 'a', 'b', 'c', 'd', 'e'], 0));
      out.push(s.execute('redis', ['SPOP', 's'], 1));
      out.push(s.execute('redis', ['SRANDMEMBER', 's', '-3'], 2));
      out.push(s.execute('mysql', ['QUERY', 'SELECT RAND(), NOW()', null], 3));
      return out;
    };
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('loads a mod.sql script', () => {
    const s = new SimulatedStorage();
    expect(s.loadSql('CREATE TABLE a (x int); INSERT INTO a VALUES (1);')).toEqual({ executed: 2, failures: [] });
  });
});

describe('storageForRun', () => {
  it('takes the caps and the clock from the project options', () => {
    const s = storageForRun({ clockEpochMs: 0, storageMaxBytes: 1024, storageMaxRows: 1 }, 5);
    expect(s.execute('mysql', ['QUERY', 'SELECT UNIX_TIMESTAMP()', null], 2000)).toEqual({ args: [[[2]]] });
    s.execute('mysql', ['EXECUTE', 'CREATE TABLE t (a int)', null], 0);
    expect(s.execute('mysql', ['EXECUTE', 'INSERT INTO t VALUES (1), (2)', null], 0)).toMatchObject({ args: [false], error: { code: 1114 } });
    s.execute('redis', ['SET', 'big', 'x'.repeat(2000)], 0);
    expect(s.execute('redis', ['SET', 'more', 'x'], 0)).toMatchObject({ args: [null], error: { message: "OOM command not allowed when used memory > 'maxmemory'." } });
  });
});

describe('describeError', () => {
  it('prints errors as the real clients print them', () => {
    expect(describeError({ type: 'IntegrityError', code: 1062, message: "Duplicate entry '1' for key 'PRIMARY'" })).toBe(`IntegrityError: (1062, "Duplicate entry '1' for key 'PRIMARY'")`);
    expect(describeError({ type: 'ResponseError', code: null, message: 'WRONGTYPE Operation' })).toBe('ResponseError: WRONGTYPE Operation');
  });
});
