import { describe, expect, it } from 'vitest';
import { MysqlStore } from './store';

const EPOCH = 1767225600000; // 2026-01-01T00:00:00Z

function store(limits: Partial<{ maxRows: number; maxBytes: number; maxExamined: number }> = {}): MysqlStore {
  return new MysqlStore({ maxRows: 1000, maxBytes: 1 << 20, maxExamined: 100_000, epochMs: EPOCH, seed: 3, database: 'mod', ...limits });
}

/** Runs a statement: rows for a result set, affected count otherwise, `E<code>` / the Python error type on failure. */
function q(s: MysqlStore, sql: string, params: unknown = null, now = 0): unknown {
  const out = s.run(sql, params, now);
  if (!out.ok) return out.failure.code === null ? out.failure.type : `E${out.failure.code}`;
  return out.result.rows ?? out.result.affected;
}

function msg(s: MysqlStore, sql: string, params: unknown = null): string {
  const out = s.run(sql, params, 0);
  return out.ok ? 'ok' : out.failure.message;
}

const PLAYER = `CREATE TABLE IF NOT EXISTS \`player\` (
  \`uid\` bigint unsigned NOT NULL COMMENT '玩家uid',
  \`name\` varchar(10) NOT NULL DEFAULT '' COMMENT '名字',
  \`lv\` int NOT NULL DEFAULT 1,
  \`login\` datetime NULL,
  PRIMARY KEY (\`uid\`) COMMENT '主键',
  INDEX \`name_idx\` (\`name\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`;

function withPlayers(): MysqlStore {
  const s = store();
  expect(q(s, PLAYER)).toBe(0);
  expect(q(s, 'INSERT INTO player (uid, name, lv) VALUES (%s, %s, %s), (%s, %s, %s), (%s, %s, %s)', [3, 'Carol', 5, 1, 'alice', 7, 2, 'Bob', 5])).toBe(3);
  return s;
}

describe('MysqlStore DDL', () => {
  it('CREATE TABLE [IF NOT EXISTS] with the options official plugins use', () => {
    const s = store();
    expect(q(s, PLAYER)).toBe(0);
    expect(q(s, PLAYER)).toBe(0);
    expect(q(s, PLAYER.replace('IF NOT EXISTS ', ''))).toBe('E1050');
    expect(q(s, 'CREATE TABLE t (id INT UNSIGNED NOT NULL auto_increment, v JSON DEFAULT NULL, e ENUM(\'a\',\'b\') NOT NULL, d DECIMAL(6,2), PRIMARY KEY (id), UNIQUE KEY u (e, d)) AUTO_INCREMENT=17')).toBe(0);
    expect(q(s, 'INSERT INTO t (e, d) VALUES (%s, %s)', ['B', '1.005'])).toBe(1);
    expect(q(s, 'SELECT id, e, d FROM t')).toEqual([[17, 'b', 1.01]]);
  });

  it('refuses what MySQL refuses: two primary keys, an auto column that is no key, duplicate columns', () => {
    const s = store();
    expect(q(s, 'CREATE TABLE a (x int primary key, y int, primary key (y))')).toBe('E1068');
    expect(q(s, 'CREATE TABLE b (x int auto_increment, y int)')).toBe('E1075');
    expect(q(s, 'CREATE TABLE c (x int, X int)')).toBe('E1060');
    expect(q(s, 'SELECT * FROM c')).toBe('E1146');
  });

  it('ALTER TABLE ADD COLUMN / ADD INDEX as mod.sql upgrades do; a failing ALTER changes nothing', () => {
    const s = withPlayers();
    expect(q(s, 'alter table player add column apply_tag varchar(20) not null default "" AFTER name')).toBe(0);
    expect(q(s, 'ALTER TABLE player ADD INDEX apply_tag_index (apply_tag)')).toBe(0);
    expect(q(s, 'SELECT * FROM player WHERE uid = 1')).toEqual([[1, 'alice', '', 7, null]]);
    expect(q(s, 'ALTER TABLE player ADD UNIQUE KEY (lv)')).toBe('E1062');
    expect(q(s, 'INSERT INTO player (uid, lv) VALUES (9, 5)')).toBe(1);
    expect(q(s, 'ALTER TABLE player DROP COLUMN nope')).toBe('E1091');
    expect(q(s, 'ALTER TABLE player MODIFY name varchar(3) NOT NULL')).toBe('E1406');
    expect(q(s, 'SELECT name FROM player WHERE uid = 3')).toEqual([['Carol']]);
  });

  it('DROP / TRUNCATE / RENAME / SHOW TABLES', () => {
    const s = withPlayers();
    expect(q(s, 'CREATE TABLE other (id int primary key auto_increment)')).toBe(0);
    expect(q(s, 'INSERT INTO other VALUES (NULL)')).toBe(1);
    expect(q(s, 'SHOW TABLES')).toEqual([['other'], ['player']]);
    expect(q(s, "SHOW TABLES LIKE 'pl%'")).toEqual([['player']]);
    expect(q(s, 'TRUNCATE TABLE other')).toBe(0);
    expect(q(s, 'INSERT INTO other VALUES (NULL)')).toBe(1);
    expect(q(s, 'SELECT id FROM other')).toEqual([[1]]);
    expect(q(s, 'RENAME TABLE other TO other2')).toBe(0);
    expect(q(s, 'DROP TABLE other, player')).toBe('E1051');
    expect(q(s, 'DROP TABLE IF EXISTS other, player')).toBe(0);
    expect(q(s, 'SHOW TABLES')).toEqual([['other2']]);
  });
});

describe('MysqlStore INSERT', () => {
  it('strict mode: NOT NULL, missing defaults, lengths, ranges, bad numbers are errors that insert nothing', () => {
    const s = withPlayers();
    expect(msg(s, 'INSERT INTO player (uid, name) VALUES (%s, %s)', [10, null])).toBe("Column 'name' cannot be null");
    expect(msg(s, 'INSERT INTO player (name) VALUES (%s)', ['x'])).toBe("Field 'uid' doesn't have a default value");
    expect(msg(s, 'INSERT INTO player (uid, name) VALUES (%s, %s)', [10, 'much too long'])).toBe("Data too long for column 'name' at row 1");
    expect(msg(s, 'INSERT INTO player (uid) VALUES (%s)', [-1])).toBe("Out of range value for column 'uid' at row 1");
    expect(msg(s, 'INSERT INTO player (uid) VALUES (%s)', ['abc'])).toBe("Incorrect integer value: 'abc' for column 'uid' at row 1");
    expect(msg(s, 'INSERT INTO player (uid) VALUES (11), (12), (1)')).toBe("Duplicate entry '1' for key 'PRIMARY'");
    expect(q(s, 'SELECT COUNT(*) FROM player')).toEqual([[3]]);
    expect(msg(s, 'INSERT INTO player VALUES (11)')).toBe("Column count doesn't match value count at row 1");
  });

  it('ON DUPLICATE KEY UPDATE: VALUES(col), affected 1 / 2 / 0, later assignments see earlier ones', () => {
    const s = withPlayers();
    const sql = 'INSERT INTO player (uid, name, lv) VALUES (%s, %s, %s) ON DUPLICATE KEY UPDATE lv = lv + VALUES(lv), name = VALUES(name)';
    expect(q(s, sql, [4, 'dave', 1])).toBe(1);
    expect(q(s, sql, [4, 'dan', 2])).toBe(2);
    expect(q(s, 'INSERT INTO player (uid, name) VALUES (4, "dan") ON DUPLICATE KEY UPDATE name = VALUES(name)')).toBe(0);
    expect(q(s, 'SELECT name, lv FROM player WHERE uid = 4')).toEqual([['dan', 3]]);
    expect(q(s, 'UPDATE player SET lv = 10, name = lv WHERE uid = 4')).toBe(1);
    expect(q(s, 'SELECT name, lv FROM player WHERE uid = 4')).toEqual([['10', 10]]);
  });

  it('REPLACE deletes the clashing row first; INSERT IGNORE skips it', () => {
    const s = withPlayers();
    expect(q(s, 'REPLACE INTO player (uid, name) VALUES (1, "al")')).toBe(2);
    expect(q(s, 'SELECT name, lv FROM player WHERE uid = 1')).toEqual([['al', 1]]);
    expect(q(s, 'INSERT IGNORE INTO player (uid, name) VALUES (1, "x"), (20, "y")')).toBe(1);
    expect(q(s, 'INSERT INTO player SET uid = 21, name = "z"')).toBe(1);
  });

  it('AUTO_INCREMENT and the insert id, with explicit ids moving the counter', () => {
    const s = store();
    q(s, 'CREATE TABLE t (id int unsigned primary key auto_increment, v varchar(5))');
    const ins = (sql: string, params: unknown = null): unknown => {
      const out = s.run(sql, params, 0);
      return out.ok ? out.result.lastInsertId : out.failure.code;
    };
    expect(ins('INSERT INTO t (v) VALUES (%s)', ['a'])).toBe(1);
    expect(ins('INSERT INTO t (id, v) VALUES (10, "b")')).toBe(0);
    expect(ins('INSERT INTO t (v) VALUES ("c"), ("d")')).toBe(11);
    expect(ins('INSERT INTO t (id, v) VALUES (0, "e")')).toBe(13);
    expect(q(s, 'SELECT LAST_INSERT_ID()')).toEqual([[13]]);
  });

  it('stores DATETIME as MySQL does: ISO text accepted, fractions rounded, bad dates refused', () => {
    const s = withPlayers();
    expect(q(s, 'UPDATE player SET login = %s WHERE uid = 1', ['2026-01-02T03:04:05.600000'])).toBe(1);
    expect(q(s, 'UPDATE player SET login = %s WHERE uid = 2', ['20260228235959'])).toBe(1);
    expect(q(s, 'SELECT login FROM player WHERE login IS NOT NULL')).toEqual([['2026-01-02 03:04:06'], ['2026-02-28 23:59:59']]);
    expect(msg(s, 'UPDATE player SET login = %s WHERE uid = 3', ['2026-02-30 00:00:00'])).toBe("Incorrect datetime value: '2026-02-30 00:00:00' for column 'login' at row 1");
  });
});

describe('MysqlStore SELECT', () => {
  it('WHERE with =, <, >, IN, AND/OR, LIKE (case-insensitive like utf8mb4_general_ci), BETWEEN, IS NULL', () => {
    const s = withPlayers();
    expect(q(s, 'SELECT uid FROM player WHERE name = %s', ['BOB'])).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player WHERE lv > 5 OR name LIKE %s', ['c%'])).toEqual([[1], [3]]);
    expect(q(s, 'SELECT uid FROM player WHERE uid IN %s AND lv < %s', [[1, 2, 9], 7])).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player WHERE uid NOT IN (1) AND lv BETWEEN 5 AND 6')).toEqual([[2], [3]]);
    expect(q(s, 'SELECT uid FROM player WHERE login IS NULL AND name LIKE "_ob"')).toEqual([[2]]);
    expect(q(s, "SELECT uid FROM player WHERE name = 'bob   '")).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player WHERE uid = "2abc"')).toEqual([[2]]);
  });

  it('no ORDER BY: primary-key order; ORDER BY several keys, aliases and positions; LIMIT forms', () => {
    const s = withPlayers();
    expect(q(s, 'SELECT uid FROM player')).toEqual([[1], [2], [3]]);
    expect(q(s, 'SELECT uid, lv AS level FROM player ORDER BY level DESC, uid')).toEqual([[1, 7], [2, 5], [3, 5]]);
    expect(q(s, 'SELECT uid, name FROM player ORDER BY 2')).toEqual([[1, 'alice'], [2, 'Bob'], [3, 'Carol']]);
    expect(q(s, 'SELECT uid FROM player ORDER BY uid LIMIT 1, 1')).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player ORDER BY uid LIMIT %s OFFSET %s', [5, 2])).toEqual([[3]]);
    expect(q(s, 'SELECT uid FROM player LIMIT %s', ['1'])).toBe('E1064');
  });

  it('COUNT / SUM / AVG / MIN / MAX, GROUP BY (sorted as MySQL 5.x does) and HAVING', () => {
    const s = withPlayers();
    expect(q(s, 'SELECT count(*) FROM player WHERE lv > 100')).toEqual([[0]]);
    expect(q(s, 'SELECT COUNT(*), SUM(lv), MIN(name), MAX(lv), AVG(lv) FROM player')).toEqual([[3, 17, 'alice', 7, 17 / 3]]);
    expect(q(s, 'SELECT lv, COUNT(*) AS n FROM player GROUP BY lv')).toEqual([[5, 2], [7, 1]]);
    expect(q(s, 'SELECT lv, COUNT(*) AS n FROM player GROUP BY lv HAVING n > 1')).toEqual([[5, 2]]);
    expect(q(s, 'SELECT COUNT(DISTINCT lv) FROM player')).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player WHERE COUNT(*) > 1')).toBe('E1111');
  });

  it('joins: comma joins with WHERE (as the residence plugin writes), JOIN ... ON, LEFT JOIN', () => {
    const s = withPlayers();
    q(s, 'CREATE TABLE guild (uid bigint primary key, gname varchar(20))');
    q(s, 'INSERT INTO guild VALUES (1, "red"), (3, "blue")');
    expect(q(s, 'SELECT A.name, B.gname FROM player as A, guild as B WHERE A.uid = B.uid ORDER BY B.gname')).toEqual([['Carol', 'blue'], ['alice', 'red']]);
    expect(q(s, 'SELECT p.uid, g.gname FROM player p LEFT JOIN guild g ON g.uid = p.uid')).toEqual([[1, 'red'], [2, null], [3, 'blue']]);
    expect(q(s, 'SELECT uid FROM player JOIN guild USING (uid)')).toBe('E1052');
    expect(q(s, 'SELECT player.uid FROM player JOIN guild USING (uid)')).toEqual([[1], [3]]);
  });

  it('answers unknown names with MySQL errors even on empty tables', () => {
    const s = store();
    q(s, PLAYER);
    expect(msg(s, 'SELECT nope FROM player')).toBe("Unknown column 'nope' in 'field list'");
    expect(msg(s, 'SELECT uid FROM player WHERE nope = 1')).toBe("Unknown column 'nope' in 'where clause'");
    expect(msg(s, 'SELECT * FROM nope')).toBe("Table 'mod.nope' doesn't exist");
  });

  it('functions read the virtual clock and the store seed', () => {
    const s = store();
    expect(q(s, 'SELECT NOW(), UNIX_TIMESTAMP(), CURDATE(), FROM_UNIXTIME(0)', null, 61_000)).toEqual([['2026-01-01 00:01:01', 1767225661, '2026-01-01', '1970-01-01 00:00:00']]);
    expect(q(s, 'SELECT RAND()')).toEqual(q(store(), 'SELECT RAND()'));
    expect(q(s, "SELECT CONCAT('a', 1, NULL), IFNULL(NULL, 'x'), COALESCE(NULL, 2), LENGTH('é'), UPPER('b'), 7 DIV 2, 7 % 0")).toEqual([[null, 'x', 2, 2, 'B', 3, null]]);
  });

  it('the bigint parameters of Python longs keep every digit', () => {
    const s = store();
    q(s, 'CREATE TABLE big (id bigint unsigned primary key)');
    expect(q(s, 'INSERT INTO big VALUES (%s)', [18446744073709551615n])).toBe(1);
    expect(q(s, 'SELECT id, id + 0 FROM big WHERE id = %s', [18446744073709551615n])).toEqual([[18446744073709551615n, 18446744073709551615n]]);
  });
});

describe('MysqlStore UPDATE / DELETE / transactions', () => {
  it('UPDATE counts changed rows; ORDER BY ... LIMIT picks rows; DELETE with WHERE', () => {
    const s = withPlayers();
    expect(q(s, 'UPDATE player SET lv = 5 WHERE lv = 5')).toBe(0);
    expect(q(s, 'UPDATE player SET lv = lv + 1 ORDER BY name DESC LIMIT 1')).toBe(1);
    expect(q(s, 'SELECT uid, lv FROM player')).toEqual([[1, 7], [2, 5], [3, 6]]);
    expect(q(s, 'UPDATE player SET uid = 1 WHERE uid = 2')).toBe('E1062');
    expect(q(s, 'DELETE FROM player WHERE lv < %s', [7])).toBe(2);
    expect(q(s, 'SELECT uid FROM player')).toEqual([[1]]);
  });

  it('BEGIN ... ROLLBACK undoes every change; COMMIT keeps them; DDL commits first', () => {
    const s = withPlayers();
    s.begin();
    q(s, 'DELETE FROM player WHERE uid = 1');
    q(s, 'UPDATE player SET name = "x" WHERE uid = 2');
    q(s, 'INSERT INTO player (uid) VALUES (50)');
    s.rollback();
    expect(q(s, 'SELECT uid, name FROM player')).toEqual([[1, 'alice'], [2, 'Bob'], [3, 'Carol']]);
    expect(q(s, 'START TRANSACTION')).toBe(0);
    q(s, 'DELETE FROM player WHERE uid = 1');
    q(s, 'CREATE TABLE z (a int)');
    expect(q(s, 'ROLLBACK')).toBe(0);
    expect(q(s, 'SELECT uid FROM player')).toEqual([[2], [3]]);
  });
});

describe('MysqlStore refusals', () => {
  it('answers SQL outside the subset with "not simulated: ..." naming the statement', () => {
    const s = withPlayers();
    for (const [sql, what] of [
      ['SELECT * FROM player UNION SELECT * FROM player', 'UNION'],
      ['SELECT * FROM player WHERE uid IN (SELECT uid FROM player)', 'IN (subquery)'],
      ['CALL proc()', 'CALL statements'],
      ['SELECT * FROM player WHERE name REGEXP "a"', 'REGEXP'],
      ['SELECT DATE_FORMAT(login, "%Y") FROM player', 'function DATE_FORMAT()'],
      ['CREATE TABLE f (a int, FOREIGN KEY (a) REFERENCES player(uid))', 'FOREIGN KEY constraints'],
      ['SELECT 1; SELECT 2', 'several statements in one call (send them one by one)'],
    ]) {
      expect(msg(s, sql), sql).toBe(`not simulated: ${what}`);
    }
    expect(q(s, 'SELEC 1')).toBe('E1064');
    expect(msg(s, 'SELECT * FROM')).toMatch(/^You have an error in your SQL syntax; .* near '' at line 1$/);
    expect(msg(s, 'SELECT *\nFROM player WHERE')).toMatch(/near '' at line 2$/);
    expect(q(s, '')).toBe('E1065');
  });

  it('mirrors the Python format errors of MySQLdb (%s count, %d, %(name)s)', () => {
    const s = withPlayers();
    expect(q(s, 'SELECT * FROM player WHERE uid = %s AND lv = %s', [1])).toBe('TypeError');
    expect(q(s, 'SELECT * FROM player WHERE uid = %s', [1, 2])).toBe('TypeError');
    expect(q(s, 'SELECT * FROM player WHERE uid = %d', [1])).toBe('TypeError');
    expect(q(s, 'SELECT uid FROM player WHERE uid = %(u)s', { u: 2 })).toEqual([[2]]);
    expect(q(s, 'SELECT uid FROM player WHERE uid = %s', 3)).toEqual([[3]]);
    expect(q(s, 'SELECT 100 %% 7', [])).toEqual([[2]]);
    expect(q(s, 'SELECT 100 % 7')).toEqual([[2]]);
  });
});

describe('MysqlStore caps', () => {
  it('refuses rows past the cap with "The table is full" and keeps what was there', () => {
    const s = store({ maxRows: 4 });
    q(s, PLAYER);
    expect(q(s, 'INSERT INTO player (uid) VALUES (1), (2), (3)')).toBe(3);
    expect(msg(s, 'INSERT INTO player (uid) VALUES (4), (5)')).toBe("The table 'player' is full");
    expect(q(s, 'SELECT COUNT(*) FROM player')).toEqual([[3]]);
    expect(q(s, 'INSERT INTO player (uid) VALUES (4)')).toBe(1);
  });

  it('refuses bytes past the cap, updates included', () => {
    const s = store({ maxBytes: 200 });
    q(s, 'CREATE TABLE t (id int primary key, v text)');
    expect(q(s, 'INSERT INTO t VALUES (1, %s)', ['x'.repeat(100)])).toBe(1);
    expect(msg(s, 'UPDATE t SET v = %s', ['x'.repeat(300)])).toBe("The table 't' is full");
    expect(q(s, 'SELECT LENGTH(v) FROM t')).toEqual([[100]]);
  });

  it('refuses joins that would examine more than MAX_JOIN_SIZE rows', () => {
    const s = store({ maxExamined: 50 });
    q(s, 'CREATE TABLE a (x int)');
    q(s, 'INSERT INTO a VALUES (1),(2),(3),(4),(5),(6),(7),(8)');
    expect(q(s, 'SELECT COUNT(*) FROM a AS p, a AS q')).toBe('E1104');
  });
});

describe('MysqlStore scripts (mod.sql)', () => {
  it('runs each statement of a script, comments and all, and reports failures', () => {
    const s = store();
    const out = s.runScript(
      `-- ###########################version1.0.0####################
-- 登录弹窗
CREATE TABLE IF NOT EXISTS \`neteaseLoginPopup\` (
\`_id\` INT UNSIGNED NOT NULL auto_increment COMMENT '唯一ID，自增',
\`title\` VARCHAR(40) NOT NULL DEFAULT 'empty' COMMENT '弹窗标题; 带分号',
PRIMARY KEY (_id) COMMENT '主键'
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
/* a block comment; with a semicolon */
SET NAMES utf8mb4;
INSERT INTO neteaseLoginPopup (title) VALUES ('hello');
INSERT INTO nope VALUES (1);
`,
      0,
    );
    expect(out.executed).toBe(3);
    expect(out.failures).toEqual([{ statement: 'INSERT INTO nope VALUES (1)', failure: { type: 'ProgrammingError', code: 1146, message: "Table 'mod.nope' doesn't exist" } }]);
    expect(q(s, 'SELECT * FROM neteaseLoginPopup')).toEqual([[1, 'hello']]);
  });
});
