# -*- coding: utf-8 -*-
# The recorder's state on one server: the per-segment seq, the stack of running handler lines
# (a line written inside a handler names it as `cause`), the line buffer and the kill switch.
#
# Lines are written in seq order: a send reserves its seq (and slot in the buffer) before the
# real call, so the correlation key can name it, and fills the slot when the call returns. The
# buffer goes to the file when no handler and no call is running (once per engine dispatch).
# Any failure inside the recorder calls fail(): recording stops, the mod goes on untouched.
import collections
import sys
import time
import traceback
import weakref

from . import writer as _writer

VERSION = '1.0.0'
FORMAT = 'switchboard-recording'
FORMAT_VERSION = 1
CORR_KEY = '__sbrec__'
FORCE_FLUSH_BYTES = 1 << 20
MAP_CAP = 4096

current = None  # the Recorder of this process, once started


def _base36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    out = ''
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


class BoundedMap(object):
    """A dict that forgets its oldest keys beyond `cap` (answers that never come must not pile up)."""

    def __init__(self, cap=MAP_CAP):
        self.cap = cap
        self.d = {}
        self.order = collections.deque()

    def put(self, key, value):
        if key not in self.d:
            self.order.append(key)
            if len(self.order) > self.cap:
                self.d.pop(self.order.popleft(), None)
        self.d[key] = value

    def get(self, key, default=None):
        return self.d.get(key, default)


class NullOut(object):
    """Where a recorder that cannot record writes: nowhere."""

    def start(self, first_seq):
        pass

    def write(self, lines, first_seq):
        pass

    def write_last(self, text):
        pass

    def close(self):
        pass


class Recorder(object):
    def __init__(self, cfg, ident, clock=None, out=None):
        self.clock = clock or time.time
        self.cfg = cfg
        self.ident = ident
        self.on = True
        self.correlate = bool(cfg['correlate'])
        self.max_payload = cfg['maxPayloadBytes']
        self.boot = _base36(int(self.clock() * 1000))
        self.node_key = '%s:%s' % (ident['serverId'], self.boot)
        self.seq = 0
        self.stack = []          # seqs of the handler lines running now
        self.local = 0           # local BroadcastEvent calls running now (their listeners are not messages)
        self.busy = 0            # wrapped calls running now (their lines are not filled yet)
        self.buf = []            # lines (str) or None for a reserved slot
        self.buf_first = 1       # seq of buf[0]
        self.buf_bytes = 0
        self.flush_ms = cfg.get('flushMs', 0)
        self.last_flush = self.clock() * 1000
        self.last_obj = None     # the last delivered dict/list: listeners sharing it share a delivery
        self.last_corr = None
        self.last_dlv = 0
        self.dlv = 0
        self.rpc_handles = BoundedMap()   # (requester serverId, callbackId) -> rpc-handle seq
        self.http_requests = BoundedMap()  # clientId -> (http-request seq, path)
        self.systems = {}        # id(system) -> (weakref or the system, namespace, systemName)
        self.listeners = {}      # (id(system), ns, sys, event, id(instance), func) -> wrapper
        self.out = out or _open_writer(cfg, ident, self)
        self.out.start(1)

    # ---- identity of lines and systems -------------------------------------------------------

    def header(self, first_seq):
        server = dict(self.ident)
        return _writer.dumps({
            'format': FORMAT, 'version': FORMAT_VERSION, 'recorder': VERSION, 'boot': self.boot,
            'firstSeq': first_seq, 'ts': round(self.clock() * 1000, 3), 'server': server,
            'caps': {'maxPayloadBytes': self.max_payload, 'maxFileBytes': self.cfg['maxFileBytes'], 'rotate': self.cfg['rotate']},
            'correlate': self.correlate,
        })

    def corr(self, seq):
        return '%s:%d' % (self.node_key, seq)

    def system_of(self, system):
        # By id (a WeakKeyDictionary lookup makes a weakref per call); the weakref guards against a
        # dead system's id being reused.
        e = self.systems.get(id(system))
        if e is not None and (e[0]() if isinstance(e[0], weakref.ref) else e[0]) is system:
            return e[1], e[2]
        return None, None

    def remember_system(self, system, ns, name):
        try:
            ref = weakref.ref(system)
        except TypeError:
            ref = system
        self.systems[id(system)] = (ref, ns, name)

    # ---- writing -----------------------------------------------------------------------------

    def emit(self, kind, fields, data=None, has_data=False):
        """Writes one line now; returns its seq."""
        self.seq += 1
        cause = self.stack[-1] if self.stack else None
        payload = _writer.payload_field(data, self.max_payload) if has_data else ''
        self._append(_writer.line(self.seq, self.clock() * 1000, kind, cause, fields, payload))
        return self.seq

    def reserve(self):
        """A seq and buffer slot for a call's line, filled by fill() once the call returns."""
        self.seq += 1
        slot = len(self.buf)
        self.buf.append(None)
        self.busy += 1
        return (self.seq, slot, self.clock() * 1000, self.stack[-1] if self.stack else None)

    def fill(self, reserved, kind, fields, data=None, has_data=False):
        seq, slot, ts, cause = reserved
        self.busy -= 1
        payload = _writer.payload_field(data, self.max_payload) if has_data else ''
        text = _writer.line(seq, ts, kind, cause, fields, payload)
        self.buf[slot] = text
        self.buf_bytes += len(text) + 1
        self.maybe_flush()

    def _append(self, text):
        self.buf.append(text)
        self.buf_bytes += len(text) + 1
        self.maybe_flush()

    def maybe_flush(self):
        # Written at the end of each top-level dispatch (flushMs 0), or at most every flushMs.
        if self.busy != 0:
            return
        if self.buf_bytes >= FORCE_FLUSH_BYTES:
            self.flush()
        elif not self.stack and (self.flush_ms == 0 or self.clock() * 1000 - self.last_flush >= self.flush_ms):
            self.flush()

    def flush(self):
        if not self.buf or self.busy:
            return
        lines, first = self.buf, self.buf_first
        self.buf, self.buf_bytes = [], 0
        if self.flush_ms:
            self.last_flush = self.clock() * 1000
        self.buf_first = first + len(lines)
        try:
            self.out.write(lines, first)
        except _writer.CapReached as e:
            self.fail(str(e), quiet=True)
        except Exception:
            self.fail('cannot write: %s' % _last_line())

    # ---- the kill switch ---------------------------------------------------------------------

    def fail(self, reason=None, quiet=False):
        """Stops recording for good. Lines already complete are written; reserved slots are lost
        (the merge reports the gap); a final `stop` line says why."""
        if not self.on:
            return
        self.on = False
        reason = reason or 'internal failure: %s' % _last_line()
        try:
            complete = [l for l in self.buf if l is not None]
            self.buf, self.busy = [], 0
            if complete:
                try:
                    self.out.write(complete, self.buf_first)
                except Exception:
                    pass
            self.seq += 1
            self.out.write_last(_writer.line(self.seq, self.clock() * 1000, 'stop', None, {'reason': reason}))
            self.out.close()
        except Exception:
            pass
        if not quiet:
            _say('switchboardRecorder stopped: %s' % reason)
        else:
            _say('switchboardRecorder: %s; recording stopped' % reason)

    def close(self, reason='server stopped'):
        """The server stops (Destroy, or the process exits): the last lines and a clean `stop` line."""
        if self.on:
            try:
                self.busy = 0
                self.buf = [l for l in self.buf if l is not None]
                self.seq += 1
                self.buf.append(_writer.line(self.seq, self.clock() * 1000, 'stop', None, {'clean': True, 'reason': reason}))
                self.flush()
            except Exception:
                pass
            self.on = False
            self.out.close()


def _last_line():
    try:
        return traceback.format_exception_only(*sys.exc_info()[:2])[-1].strip()[:300]
    except Exception:
        return 'unknown error'


def _say(text):
    try:
        print text
    except Exception:
        pass


def _open_writer(cfg, ident, rec):
    path = cfg['path']
    for key in ('kind', 'serverId', 'type'):
        path = path.replace('{%s}' % key, str(ident.get(key, '')))
    path = path.replace('{boot}', rec.boot)
    return _writer.FileWriter(path, cfg['maxFileBytes'], cfg['rotate'], rec.header)
