// Splitting text that arrives in chunks (any split, even inside a line or a UTF-16 pair's
// neighbourhood) into numbered lines. A last line without its newline is held back: the caller
// decides whether it is a whole line (it parses) or one cut by a crash.
export class LineSplitter {
  private rest = '';
  private n = 0;

  /** Complete lines in `chunk` (with what was held back), each with its 1-based number. */
  push(chunk: string, onLine: (lineNo: number, text: string) => void): void {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      this.rest += chunk;
      return;
    }
    onLine(++this.n, stripCr(this.rest + chunk.slice(0, nl)));
    this.rest = '';
    start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl !== -1; nl = chunk.indexOf('\n', start)) {
      onLine(++this.n, stripCr(chunk.slice(start, nl)));
      start = nl + 1;
    }
    this.rest = chunk.slice(start);
  }

  /** The last line when the text did not end with a newline (else null). */
  end(): { lineNo: number; text: string } | null {
    if (this.rest === '') return null;
    const r = { lineNo: ++this.n, text: stripCr(this.rest) };
    this.rest = '';
    return r;
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
