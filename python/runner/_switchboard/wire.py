# -*- coding: utf-8 -*-
"""JSON lines in both directions. Mods see UTF-8 `str` where the engine sent strings; what they
send is written as ASCII JSON, longs as plain digits, and anything JSON cannot carry as
{"$unsendable": type, "repr": ...} so the engine can refuse it by name (PROTOCOL.md "Framing")."""
import json

from _switchboard import addresses

# Set by stubs.py: recording stubs stand for world values the simulation does not model; they are
# sent as None (a missing value), not refused as unsendable.
STUB_TYPES = ()

_decoder = json.JSONDecoder()
REPR_MAX = 200


def decode(line):
    return _decoder.decode(line)


def to_str(o):
    """unicode -> UTF-8 str, recursively (keys too): Apollo hands mods byte strings."""
    t = type(o)
    if t is unicode:
        return o.encode('utf-8')
    if t is dict:
        out = {}
        for k, v in o.iteritems():
            if type(k) is unicode:
                k = k.encode('utf-8')
            t2 = type(v)
            if t2 is unicode:
                out[k] = v.encode('utf-8')
            elif t2 is dict or t2 is list:
                out[k] = to_str(v)
            else:
                out[k] = v
        return out
    if t is list:
        return [to_str(v) for v in o]
    return o


def _safe_repr(o):
    try:
        r = repr(o)
    except Exception:
        r = '<%s object>' % type(o).__name__
    r = addresses.scrub(r)
    if len(r) > REPR_MAX:
        r = r[:REPR_MAX - 3] + '...'
    return r


_marked = [0]  # how many $unsendable markers were written (encode() flags the message)


def unsendable(o, why=None):
    if isinstance(o, STUB_TYPES):
        return None  # a world value the simulation does not model: sent as None, like a missing one
    _marked[0] += 1
    name = type(o).__name__
    if why:
        name = '%s (%s)' % (name, why)
    return {'$unsendable': name, 'repr': _text(_safe_repr(o))}


def _text(s):
    try:
        return s.decode('utf-8')
    except UnicodeDecodeError:
        return s.decode('latin-1')


_encoder = json.JSONEncoder(ensure_ascii=True, separators=(',', ':'), allow_nan=False, default=unsendable)

_KEY_SCALARS = (int, long, float, bool, type(None))


def _key(k):
    if isinstance(k, str):
        return _text(k)
    if isinstance(k, unicode):
        return k
    if isinstance(k, bool):
        return u'true' if k else u'false'
    if k is None or isinstance(k, STUB_TYPES):
        return u'null'
    if isinstance(k, (int, long)):
        return unicode(int(k) if isinstance(k, int) else long(k))
    if isinstance(k, float):
        return unicode(repr(k))
    raise TypeError


def sanitize(o, path_ids=None):
    """A copy JSON can encode: strings decoded (UTF-8, else Latin-1), tuples as lists, keys as
    strings, and every value JSON cannot carry replaced by an $unsendable marker."""
    if path_ids is None:
        path_ids = set()
    if isinstance(o, str):
        return _text(o)
    if o is None or isinstance(o, (unicode, bool)):
        return o
    if isinstance(o, (int, long)):
        return int(o) if isinstance(o, int) else long(o)
    if isinstance(o, float):
        if o != o or o in (float('inf'), float('-inf')):
            return unsendable(o, 'not finite')
        return float(o)
    if isinstance(o, (list, tuple, dict)):
        if id(o) in path_ids:
            return unsendable(o, 'contains itself')
        path_ids.add(id(o))
        try:
            if isinstance(o, dict):
                out = {}
                for k, v in o.iteritems():
                    try:
                        key = _key(k)
                    except TypeError:
                        return unsendable(o, 'key %s' % type(k).__name__)
                    out[key] = sanitize(v, path_ids)
                return out
            return [sanitize(v, path_ids) for v in o]
        finally:
            path_ids.discard(id(o))
    if isinstance(o, STUB_TYPES):
        return None
    return unsendable(o)


def encode(msg):
    """One protocol line. A message some of whose values had to be replaced by $unsendable markers
    also gets "unsendable": true, so the engine looks for them only then."""
    before = _marked[0]
    line = _encode(msg)
    if _marked[0] != before and isinstance(msg, dict) and 'args' in msg:
        flagged = dict(msg)
        flagged['unsendable'] = True
        line = _encode(flagged)
    return line


def _encode(msg):
    try:
        return _encoder.encode(msg)
    except (UnicodeDecodeError, ValueError, TypeError, RuntimeError):
        pass
    try:
        return _encoder.encode(sanitize(msg))
    except RuntimeError:  # nested deeper than the recursion limit
        args = msg.get('args') if isinstance(msg, dict) else None
        if args is not None:
            clean = dict(msg)
            _marked[0] += 1
            clean['args'] = [{'$unsendable': 'value nested too deeply', 'repr': u''}]
            return _encoder.encode(sanitize(clean))
        raise
