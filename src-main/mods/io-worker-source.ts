// The I/O thread of the mod channel, as source text: it owns the Python child processes and their
// pipes (asynchronous, as Node requires), and hands their output lines to the engine's thread
// through shared memory, where the engine blocks with Atomics.wait until mod code is done.
// Kept as plain CommonJS text (run with `new Worker(src, { eval: true })`) so bundlers and
// loaders never rewrite it: the same code runs under tsx, vitest and electron-vite's bundle.
//
// Shared memory: ctrl = Int32Array [state, byteLength, partial]; state 0 = the engine may wait,
// 1 = a frame is ready in `data`. A frame is entries "<procId>\t<line>\n"; a line starting with
// "!" is from this thread (process exit, stderr). An entry larger than the buffer is split across
// frames with partial = 1 on all but the last.
export const IO_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('worker_threads');
const { spawn } = require('child_process');
const ctrl = new Int32Array(workerData.ctrl);
const data = new Uint8Array(workerData.data);
const MAX_LINE = workerData.maxLine;
const enc = new TextEncoder();
const procs = new Map();
const queue = [];
let waiting = false;

function push(id, line) {
  queue.push(id + '\t' + line + '\n');
  flush();
}

function special(id, obj) {
  push(id, '!' + JSON.stringify(obj));
}

function flush() {
  if (queue.length === 0) return;
  if (Atomics.load(ctrl, 0) !== 0) {
    if (waiting) return;
    waiting = true;
    const w = Atomics.waitAsync(ctrl, 0, 1);
    const again = () => { waiting = false; flush(); };
    if (w.async) w.value.then(again); else setImmediate(again);
    return;
  }
  let off = 0;
  let partial = 0;
  while (queue.length > 0) {
    const entry = queue[0];
    const room = data.length - off;
    // Worst case 3 bytes per UTF-16 unit: an entry that surely fits is copied whole.
    if (entry.length * 3 <= room) {
      off += enc.encodeInto(entry, data.subarray(off)).written;
      queue.shift();
      continue;
    }
    if (off > 0) break;
    // Alone in an empty frame and still too big: send what fits, the rest follows.
    const r = enc.encodeInto(entry, data.subarray(0));
    off = r.written;
    queue[0] = entry.slice(r.read);
    partial = 1;
    break;
  }
  Atomics.store(ctrl, 1, off);
  Atomics.store(ctrl, 2, partial);
  Atomics.store(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
  if (queue.length > 0) flush();
}

function start(msg) {
  const p = { child: null, buf: '', stderr: '', dead: false };
  procs.set(msg.id, p);
  let child;
  try {
    child = spawn(msg.cmd, msg.args, { cwd: msg.cwd, env: msg.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  } catch (e) {
    p.dead = true;
    special(msg.id, { exit: null, error: String(e && e.message || e) });
    return;
  }
  p.child = child;
  // The engine's thread kills what is left when the process exits (a hung mod ignores end of input).
  if (child.pid !== undefined) parentPort.postMessage({ t: 'pid', pid: child.pid, alive: true });
  child.once('exit', () => { if (child.pid !== undefined) parentPort.postMessage({ t: 'pid', pid: child.pid, alive: false }); });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    // Scan only the new chunk: a long line arriving in many chunks stays linear.
    let start = 0;
    let nl;
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      const line = p.buf + chunk.slice(start, nl);
      p.buf = '';
      start = nl + 1;
      if (line.length > 0) push(msg.id, line);
    }
    p.buf += chunk.slice(start);
    if (p.buf.length > MAX_LINE) {
      special(msg.id, { error: 'a protocol line longer than ' + MAX_LINE + ' characters' });
      child.kill('SIGKILL');
      p.buf = '';
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    p.stderr = (p.stderr + chunk).slice(-4096);
    for (const line of chunk.split('\n')) if (line.length > 0) special(msg.id, { stderr: line.slice(0, 8192) });
  });
  child.stdin.on('error', () => {});
  child.on('error', (e) => {
    if (p.dead) return;
    p.dead = true;
    special(msg.id, { exit: null, error: String(e && e.message || e), stderrTail: p.stderr });
  });
  child.on('exit', (code, signal) => {
    if (p.dead) return;
    p.dead = true;
    // Let stdout drain first: its last lines (a fatal message) come before the exit.
    setImmediate(() => special(msg.id, { exit: code, signal: signal, stderrTail: p.stderr }));
  });
}

parentPort.on('message', (msg) => {
  if (msg.t === 'spawn') start(msg);
  else if (msg.t === 'send') {
    const p = procs.get(msg.id);
    if (p && p.child && !p.dead) p.child.stdin.write(msg.line + '\n');
  } else if (msg.t === 'kill') {
    const p = procs.get(msg.id);
    if (p && p.child && !p.dead) {
      const child = p.child;
      if (msg.hung) child.kill('SIGKILL');
      else {
        // The runner exits by itself at end of input; one that does not is killed a second later.
        try { child.stdin.end(); } catch (e) {}
        setTimeout(() => { if (!p.dead) child.kill('SIGKILL'); }, 1000);
      }
    }
    procs.delete(msg.id);
  }
});
`;
