# -*- coding: utf-8 -*-
# Lines to text and text to the file. Payloads are encoded once; one longer than the cap is
# written as its size and first bytes. The file is appended to (a restarted server adds a new
# segment after its header line); at the size cap it rotates to <path>.1 or the recording stops.
import json
import os
from json import encoder as _encoder

_DUMPS = dict(ensure_ascii=True, separators=(',', ':'), allow_nan=False)
REPR_MAX = 200
HEAD_MAX = 200
MAX_DEPTH = 32


def _repr(value):
    try:
        text = repr(value)
    except Exception:
        text = '<%s>' % type(value).__name__
    return {'$repr': text[:REPR_MAX]}


def _text(s):
    if isinstance(s, unicode):
        return s
    try:
        return s.decode('utf-8')
    except UnicodeDecodeError:
        return s.decode('latin-1')


def sanitize(value, depth=0):
    """A JSON-safe copy: str decoded (UTF-8, else Latin-1), keys made strings, the rest as $repr."""
    if depth > MAX_DEPTH:
        return _repr(value)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, long)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float('inf'), float('-inf')) else _repr(value)
    if isinstance(value, (str, unicode)):
        return _text(value)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            key = _text(k) if isinstance(k, (str, unicode)) else _text(str(k)) if isinstance(k, (int, long, float, bool)) or k is None else _text(repr(k))
            out[key] = sanitize(v, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [sanitize(v, depth + 1) for v in value]
    return _repr(value)


def _fast_encoder():
    """Python 2's C encoder made once (json.dumps builds an encoder object per call, and takes the
    pure-Python path for some options). No circular check: a cycle ends in RuntimeError, which
    dumps() answers with the sanitized copy."""
    make = getattr(_encoder, 'c_make_encoder', None)
    ascii_str = getattr(_encoder, 'c_encode_basestring_ascii', None)
    if make is None or ascii_str is None:
        return None
    try:
        c = make(None, _repr, ascii_str, None, ':', ',', False, False, False)
        c({'probe': [1, 2.5, u'x', None, True]}, 0)
        return c
    except Exception:
        return None


_C = _fast_encoder()


def dumps(value):
    """JSON text of any value; never raises for a payload a mod can hold."""
    try:
        if _C is not None:
            return ''.join(_C(value, 0))
        return json.dumps(value, default=_repr, **_DUMPS)
    except (TypeError, ValueError, UnicodeDecodeError, OverflowError, RuntimeError):
        return json.dumps(sanitize(value), **_DUMPS)


def payload_field(data, cap):
    """',"data":...' or ',"trunc":{...}' for a line."""
    text = dumps(data)
    if len(text) <= cap:
        return ',"data":' + text
    return ',"trunc":' + json.dumps({'bytes': len(text), 'head': text[:min(cap, HEAD_MAX)]}, **_DUMPS)


def line(seq, ts, kind, cause, fields, payload=''):
    """One line (no newline): seq, ts, kind, cause first (easy to read), then the fields, then the
    payload. Keys are not sorted: sort_keys makes Python 2's json fall back from its C encoder to
    the pure-Python one, ten times slower."""
    head = '{"seq":%d,"ts":%.3f,"kind":"%s"' % (seq, ts, kind)
    if cause is not None:
        head += ',"cause":%d' % cause
    body = dumps(fields)[1:-1] if fields else ''
    return head + (',' + body if body else '') + payload + '}'


class CapReached(Exception):
    pass


class FileWriter(object):
    """Appends text to one file; at max_bytes rotates (rotate=True) or raises CapReached."""

    def __init__(self, path, max_bytes, rotate, header):
        self.path = path
        self.max_bytes = max_bytes
        self.rotate = rotate
        self.header = header  # header(first_seq) -> one header line (str, no newline)
        directory = os.path.dirname(path)
        if directory and not os.path.isdir(directory):
            os.makedirs(directory)
        self.f = open(path, 'ab')
        self.size = os.path.getsize(path)

    def start(self, first_seq):
        """The header line of a new segment (a new boot appends to an existing file)."""
        text = self.header(first_seq) + '\n'
        if self.size > 0 and self.size + len(text) > self.max_bytes:
            self._rotate_or_stop()
            text = self.header(first_seq) + '\n'
        self._put(text)

    def write(self, lines, first_seq):
        """Writes lines (each without newline); first_seq is the seq of lines[0] (for a new file's header)."""
        chunk = '\n'.join(lines) + '\n'
        if self.size + len(chunk) > self.max_bytes:
            self._rotate_or_stop()
            chunk = self.header(first_seq) + '\n' + chunk
        self._put(chunk)

    def _put(self, text):
        self.f.write(text)
        self.f.flush()
        self.size += len(text)

    def _rotate_or_stop(self):
        if not self.rotate:
            raise CapReached('%s reached its size cap of %d bytes' % (self.path, self.max_bytes))
        self.f.close()
        older = self.path + '.1'
        if os.path.exists(older):
            os.remove(older)
        os.rename(self.path, older)
        self.f = open(self.path, 'ab')
        self.size = 0

    def write_last(self, text):
        """A final line (stop); written even past the cap, failures ignored."""
        try:
            self._put(text + '\n')
        except Exception:
            pass

    def close(self):
        try:
            self.f.close()
        except Exception:
            pass
