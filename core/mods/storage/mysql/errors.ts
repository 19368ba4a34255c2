// MySQL errors with MySQL's own codes and texts, so a mod's `except` and its logs read as they
// would against a real server. Code 1235 (ER_NOT_SUPPORTED_YET) carries "not simulated: ...".

export class MysqlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'MysqlError';
  }
}

export const err = {
  syntax: (near: string, line: number) =>
    new MysqlError(
      1064,
      `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line ${line}`,
    ),
  notSimulated: (what: string) => new MysqlError(1235, `not simulated: ${what}`),
  noTable: (db: string, t: string) => new MysqlError(1146, `Table '${db}.${t}' doesn't exist`),
  tableExists: (t: string) => new MysqlError(1050, `Table '${t}' already exists`),
  unknownTable: (db: string, t: string) => new MysqlError(1051, `Unknown table '${db}.${t}'`),
  unknownColumn: (c: string, where: string) => new MysqlError(1054, `Unknown column '${c}' in '${where}'`),
  ambiguous: (c: string, where: string) => new MysqlError(1052, `Column '${c}' in ${where} is ambiguous`),
  duplicateColumn: (c: string) => new MysqlError(1060, `Duplicate column name '${c}'`),
  duplicateKeyName: (k: string) => new MysqlError(1061, `Duplicate key name '${k}'`),
  duplicateEntry: (v: string, key: string) => new MysqlError(1062, `Duplicate entry '${v}' for key '${key}'`),
  multiplePrimary: () => new MysqlError(1068, 'Multiple primary key defined'),
  badAutoIncrement: () =>
    new MysqlError(1075, 'Incorrect table definition; there can be only one auto column and it must be defined as a key'),
  columnCount: (row: number) => new MysqlError(1136, `Column count doesn't match value count at row ${row}`),
  cannotBeNull: (c: string) => new MysqlError(1048, `Column '${c}' cannot be null`),
  noDefault: (c: string) => new MysqlError(1364, `Field '${c}' doesn't have a default value`),
  tooLong: (c: string, row: number) => new MysqlError(1406, `Data too long for column '${c}' at row ${row}`),
  outOfRange: (c: string, row: number) => new MysqlError(1264, `Out of range value for column '${c}' at row ${row}`),
  incorrectValue: (kind: string, v: string, c: string, row: number) =>
    new MysqlError(1366, `Incorrect ${kind} value: '${v}' for column '${c}' at row ${row}`),
  truncated: (c: string, row: number) => new MysqlError(1265, `Data truncated for column '${c}' at row ${row}`),
  badDatetime: (v: string, c: string, row: number) => new MysqlError(1292, `Incorrect datetime value: '${v}' for column '${c}' at row ${row}`),
  invalidJson: (c: string, row: number) =>
    new MysqlError(3140, `Invalid JSON text: "Invalid value." at position 0 in value for column '${c}' at row ${row}`),
  groupFunction: () => new MysqlError(1111, 'Invalid use of group function'),
  tableFull: (t: string) => new MysqlError(1114, `The table '${t}' is full`),
  tooBigSelect: () =>
    new MysqlError(
      1104,
      'The SELECT would examine more than MAX_JOIN_SIZE rows; check your WHERE and use SET SQL_BIG_SELECTS=1 or SET MAX_JOIN_SIZE=# if the SELECT is okay',
    ),
  operandColumns: (n: number) => new MysqlError(1241, `Operand should contain ${n} column(s)`),
  keyColumnMissing: (c: string) => new MysqlError(1072, `Key column '${c}' doesn't exist in table`),
  blobKey: (c: string) => new MysqlError(1170, `BLOB/TEXT column '${c}' used in key specification without a key length`),
  cantDropField: (c: string) => new MysqlError(1091, `Can't DROP '${c}'; check that column/key exists`),
  nonUniqTable: (t: string) => new MysqlError(1066, `Not unique table/alias: '${t}'`),
};

/** An error of the Python format step MySQLdb runs before sending (`query % params`). */
export class FormatError extends Error {
  constructor(
    readonly pythonType: 'TypeError' | 'ValueError' | 'KeyError',
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}
