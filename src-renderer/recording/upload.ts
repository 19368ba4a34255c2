// Browser side of Open recording…: a folder picked in the page (webkitdirectory), its recorder
// files sent to the host in chunks (decoded as UTF-8 across chunk borders), then merged there.
import type { TraceInfo } from '../../core/contract';
import { getBridge } from '../bridge';

/** Files the recorder writes: *.ndjson, *.jsonl and rotated *.ndjson.1 (as `switchboard merge` picks them). */
export const RECORDING_FILE = /\.(ndjson|jsonl)(\.\d+)?$/i;
const CHUNK_BYTES = 8 * 1024 * 1024;

export interface PickedFile {
  /** Path inside the picked folder (how reports name it). */
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

/** A folder picked with the browser's own dialog; null when cancelled. */
export function pickFolder(): Promise<{ folder: string; files: PickedFile[] } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.setAttribute('webkitdirectory', '');
    input.setAttribute('data-testid', 'recording-folder-input');
    input.style.display = 'none';
    document.body.append(input);
    const done = (v: { folder: string; files: PickedFile[] } | null) => {
      input.remove();
      resolve(v);
    };
    input.addEventListener('change', () => {
      const list = [...(input.files ?? [])];
      if (list.length === 0) return done(null);
      const rel = (f: File) => (f.webkitRelativePath || f.name).replace(/\\/g, '/');
      const folder = rel(list[0]).split('/')[0] || 'recording';
      const files = list.map((f) => ({ name: rel(f).split('/').slice(1).join('/') || f.name, size: f.size, slice: (a: number, b: number) => f.slice(a, b) }));
      done({ folder, files });
    });
    input.addEventListener('cancel', () => done(null));
    input.click();
  });
}

/** Uploads the recorder files among `files` and asks the host to merge them. */
export async function uploadAndMerge(folder: string, files: readonly PickedFile[], onProgress: (sent: number, total: number) => void): Promise<TraceInfo> {
  const chosen = files.filter((f) => RECORDING_FILE.test(f.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (chosen.length === 0) throw new Error(`${folder} holds no recorder files (*.ndjson, *.jsonl, *.ndjson.1).`);
  const upload = `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  const total = chosen.reduce((s, f) => s + f.size, 0);
  let sent = 0;
  for (const f of chosen) {
    const decoder = new TextDecoder('utf-8');
    let first = true;
    for (let pos = 0; pos < f.size || first; pos += CHUNK_BYTES) {
      const end = Math.min(f.size, pos + CHUNK_BYTES);
      const bytes = new Uint8Array(await f.slice(pos, end).arrayBuffer());
      const text = decoder.decode(bytes, { stream: end < f.size });
      await getBridge().request('recording.upload', { upload, label: f.name, text, append: !first });
      first = false;
      sent += end - pos;
      onProgress(sent, total);
    }
  }
  return getBridge().request('recording.merge', { upload, name: folder });
}
