# -*- coding: utf-8 -*-
"""logout: the logging module official plugins import (`logout.info("x", args)`). Each call is one
log line, its arguments joined by spaces as print does, prefixed by the level; debug/info go to the
node's stdout, warning/error/critical to its stderr."""
import traceback

import _switchboard.api as _sb


def _text(args):
    parts = []
    for a in args:
        if isinstance(a, unicode):
            parts.append(a.encode('utf-8'))
        else:
            try:
                parts.append(str(a))
            except Exception:
                parts.append(repr(a))
    return ' '.join(parts)


def _logger(level, stream):
    def log(*args, **kwargs):
        _sb.log(stream, '[%s] %s' % (level, _text(args)))
    log.__name__ = level.lower()
    return log


debug = _logger('DEBUG', 'stdout')
info = _logger('INFO', 'stdout')
warning = warn = _logger('WARNING', 'stderr')
error = _logger('ERROR', 'stderr')
critical = _logger('CRITICAL', 'stderr')


def exception(*args, **kwargs):
    _sb.log('stderr', '[ERROR] %s\n%s' % (_text(args), traceback.format_exc().rstrip('\n')))


_sb.api_module(__name__)
