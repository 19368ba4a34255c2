// What one storage operation answers the mod bridge.

export interface StorageError {
  /** The exception the real client raises: ResponseError (redis-py), IntegrityError / ProgrammingError / ... (MySQLdb), TypeError. */
  type: string;
  /** MySQL's error number; null for Redis and Python errors. */
  code: number | null;
  message: string;
}

export interface StorageResult {
  /** The arguments the Python callback receives, in JSON form (see CONTEXT.md for the conversions). */
  args: unknown[];
  /** Set when the operation failed; `args` then holds what the callback receives on failure (None / False). */
  error?: StorageError;
}

/** A failure as one line for logs: MySQLdb prints `(1062, "Duplicate entry ...")`. */
export function describeError(e: StorageError): string {
  if (e.code === null) return `${e.type}: ${e.message}`;
  const quoted = e.message.includes("'") && !e.message.includes('"') ? `"${e.message}"` : `'${e.message.replace(/'/g, "\\'")}'`;
  return `${e.type}: (${e.code}, ${quoted})`;
}
