// Reading a file's lines in order without holding the file: chunks (size chosen by the caller, so
// many files open at once stay within a memory budget) decoded as UTF-8 across chunk borders.
// No file handle stays open between reads (a merge may interleave thousands of files).
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export class FileLines {
  private pos = 0;
  private rest = '';
  private lines: string[] = [];
  private next = 0;
  private lineNo = 0;
  private eof = false;
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    readonly path: string,
    private readonly chunkBytes = 1 << 20,
    /** Called with the bytes of each chunk read (progress). */
    private readonly onBytes?: (n: number) => void,
  ) {}

  /** The next line and its 1-based number, or null at the end (a last line without newline included). */
  async read(): Promise<{ lineNo: number; text: string; last: boolean } | null> {
    while (this.next >= this.lines.length) {
      if (this.eof) return null;
      await this.fill();
    }
    const text = this.lines[this.next++];
    const last = this.eof && this.next >= this.lines.length && this.endedWithoutNewline;
    return { lineNo: ++this.lineNo, text: text.endsWith('\r') ? text.slice(0, -1) : text, last };
  }

  /** The line with this number (lines before it are skipped); null if the file is shorter. */
  async readLine(lineNo: number): Promise<string | null> {
    for (;;) {
      if (this.lineNo >= lineNo) throw new Error(`${this.path}: line ${lineNo} was already read`);
      const l = await this.read();
      if (!l) return null;
      if (l.lineNo === lineNo) return l.text;
    }
  }

  private endedWithoutNewline = false;

  private async fill(): Promise<void> {
    const fh = await fs.promises.open(this.path, 'r');
    let n = 0;
    const buf = Buffer.allocUnsafe(this.chunkBytes);
    try {
      ({ bytesRead: n } = await fh.read(buf, 0, this.chunkBytes, this.pos));
    } finally {
      await fh.close();
    }
    this.pos += n;
    this.onBytes?.(n);
    // A short read is the end of the file: no second open just to learn it.
    const atEnd = n < this.chunkBytes;
    let text = this.rest + (n > 0 ? this.decoder.write(buf.subarray(0, n)) : '') + (atEnd ? this.decoder.end() : '');
    if (atEnd) {
      this.eof = true;
      const cutAt = text.lastIndexOf('\n');
      this.endedWithoutNewline = cutAt < text.length - 1;
      this.lines = cutAt < 0 ? (text.length ? [text] : []) : text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
      this.rest = '';
      this.next = 0;
      return;
    }
    if (n === 0) {
      this.eof = true;
      this.endedWithoutNewline = text.length > 0;
      this.lines = text.length > 0 ? [text] : [];
      this.rest = '';
      this.next = 0;
      return;
    }
    const cut = text.lastIndexOf('\n');
    if (cut < 0) {
      this.rest = text;
      this.lines = [];
    } else {
      this.rest = text.slice(cut + 1);
      text = text.slice(0, cut);
      this.lines = text.split('\n');
    }
    this.next = 0;
  }
}
