# -*- coding: utf-8 -*-
"""Failure = {type, message, traceback, file, line}: the traceback without the runner's and the
shim's frames, and the innermost frame of the user's own code (not the standard library)."""
import os
import traceback

from _switchboard import addresses

FRAMES_MAX = 100      # a traceback keeps its first 10 and last 90 frames (runaway recursion)
MESSAGE_MAX = 8192

_internal = []   # folder prefixes of the runner and the shim
_stdlib = [os.path.dirname(os.path.abspath(os.__file__)) + os.sep]


def set_internal_dirs(dirs):
    _internal[:] = [os.path.abspath(d) + os.sep for d in dirs]


def _is_internal(filename):
    for p in _internal:
        if filename.startswith(p):
            return True
    return False


def _is_stdlib(filename):
    for p in _stdlib:
        if filename.startswith(p):
            return True
    return False


def _text(s):
    if isinstance(s, unicode):
        return s
    try:
        return s.decode('utf-8')
    except UnicodeDecodeError:
        return s.decode('latin-1')


def _message(value):
    try:
        return _text(str(value))
    except UnicodeError:
        try:
            return unicode(value)
        except Exception:
            pass
    except Exception:
        pass
    return u'<unprintable %s>' % type(value).__name__


def _bounded(text, limit=MESSAGE_MAX):
    return text if len(text) <= limit else text[:limit - 1] + u'\u2026'


def _code_of(fn):
    """The code object behind a function, method or callable instance (for a fallback location)."""
    if isinstance(fn, (type, getattr(__import__('types'), 'ClassType'))):
        fn = getattr(fn, '__init__', None)
    f = getattr(fn, 'im_func', fn)
    code = getattr(f, 'func_code', None)
    if code is None:
        call = getattr(type(fn), '__call__', None)
        code = getattr(getattr(call, 'im_func', call), 'func_code', None)
    return code


def make(etype, value, tb, where=None):
    frames = traceback.extract_tb(tb) if tb is not None else []
    kept = [f for f in frames if not _is_internal(os.path.abspath(f[0]))]
    lines = []
    if kept:
        lines.append('Traceback (most recent call last):\n')
        if len(kept) > FRAMES_MAX:
            lines.extend(traceback.format_list(kept[:10]))
            lines.append('  ... %d frames left out ...\n' % (len(kept) - FRAMES_MAX))
            lines.extend(traceback.format_list(kept[-(FRAMES_MAX - 10):]))
        else:
            lines.extend(traceback.format_list(kept))
    lines.extend(traceback.format_exception_only(etype, value))
    filename = None
    lineno = None
    for f in reversed(kept):
        path = os.path.abspath(f[0])
        if not _is_stdlib(path):
            filename, lineno = path, f[1]
            break
    if filename is None and isinstance(value, SyntaxError) and getattr(value, 'filename', None):
        filename, lineno = os.path.abspath(value.filename), value.lineno
    if filename is None and where is not None:
        code = _code_of(where)
        if code is not None and not _is_internal(os.path.abspath(code.co_filename)):
            filename, lineno = os.path.abspath(code.co_filename), code.co_firstlineno
    return {
        'type': etype.__name__ if isinstance(etype, type) else str(etype),
        'message': _bounded(addresses.scrub(_message(value))),
        'traceback': _bounded(addresses.scrub(u''.join(_text(l) for l in lines)), MESSAGE_MAX * 8),
        'file': _text(filename) if filename is not None else None,
        'line': lineno,
    }


def simple(type_name, message):
    """A Failure that is not an exception of user code (an unknown handler, a missing system)."""
    return {'type': type_name, 'message': message, 'traceback': u'%s: %s\n' % (type_name, message), 'file': None, 'line': None}
