// What the import reports: every problem names the file (relative to the Apollo folder) and,
// where it can, the line. The import never stops at a problem; it produces what it can.

export interface ApolloFinding {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `deploy.mod-missing`, `modjson.duplicate-name`. */
  code: string;
  /** POSIX path relative to the Apollo folder (`deploy.json`, `modA/developer_mods/modADev/mod.json`). */
  file: string;
  /** 1-based, where known. */
  line?: number;
  column?: number;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

export class ApolloFindings {
  readonly list: ApolloFinding[] = [];

  error(file: string, at: Position | undefined, code: string, message: string): void {
    this.list.push({ severity: 'error', code, file, ...(at ? { line: at.line, column: at.column } : {}), message });
  }

  warn(file: string, at: Position | undefined, code: string, message: string): void {
    this.list.push({ severity: 'warning', code, file, ...(at ? { line: at.line, column: at.column } : {}), message });
  }
}

/** `deploy.json:12:5: warning: message` — the form editors and CI annotate. */
export function formatFinding(f: ApolloFinding, prefix = ''): string {
  const file = prefix ? `${prefix.replace(/\/+$/, '')}/${f.file}` : f.file;
  const where = f.line !== undefined ? `${file}:${f.line}:${f.column ?? 1}` : file;
  return `${where}: ${f.severity}: ${f.message}`;
}
