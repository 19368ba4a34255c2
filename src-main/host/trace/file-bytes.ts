// A trace file as a ByteSource (core/replay/trace-file.ts): the opened trace's details are read
// from the file by offset when asked, so only the index stays in memory. Reads are synchronous
// (a block of lines, a few tens of KB, from the page cache most of the time).
import fs from 'node:fs';
import type { ByteSource } from '../../../core/replay/trace-file';

export class FileBytes implements ByteSource {
  private fd: number | undefined;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  read(offset: number, length: number): Uint8Array {
    if (this.fd === undefined) throw new Error(`${this.file} is closed`);
    // A fresh buffer each read: the trace index keeps recent blocks.
    const out = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.fd, out, got, length - got, offset + got);
      if (n === 0) throw new Error(`${this.file} changed while open: ${length - got} bytes missing at ${offset + got}`);
      got += n;
    }
    return out;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
