# -*- coding: utf-8 -*-
"""sys.stdout / sys.stderr for mod code: every printed line becomes a `log` message of the node
whose code printed it (8 KiB per line at most). sys.__stdout__ / sys.__stderr__ point here too."""
import sys

from _switchboard import messages

LOG_MAX = messages.LOG_MAX


class Capture(object):
    encoding = 'utf-8'
    errors = 'strict'
    mode = 'w'
    closed = False
    newlines = None

    def __init__(self, stream):
        self.stream = stream
        self.name = '<%s>' % stream
        self.softspace = 0
        self._parts = []
        self._len = 0
        self._cut = False

    def write(self, s):
        self.softspace = 0  # as a file's write does: `print x,` then a write adds no space
        if isinstance(s, unicode):
            s = s.encode('utf-8', 'replace')
        elif not isinstance(s, str):
            if isinstance(s, (buffer, bytearray)):
                s = str(s)
            else:
                raise TypeError('expected a string or other character buffer object')
        start = 0
        while True:
            i = s.find('\n', start)
            if i < 0:
                if start < len(s):
                    self._add(s[start:] if start else s)
                return
            self._add(s[start:i])
            self._end()
            start = i + 1

    def _add(self, piece):
        if self._cut or not piece:
            return
        room = LOG_MAX - self._len
        if len(piece) > room:
            piece = piece[:room]
            self._cut = True
        self._parts.append(piece)
        self._len += len(piece)

    def _end(self):
        data = ''.join(self._parts)
        cut = self._cut
        del self._parts[:]
        self._len = 0
        self._cut = False
        messages.log(self.stream, data, cut)

    def end_partial(self):
        if self._parts or self._cut:
            self._end()

    def suspend(self):
        """Set aside an unfinished line (a nested command is about to print)."""
        saved = (self._parts, self._len, self._cut, self.softspace)
        self._parts = []
        self._len = 0
        self._cut = False
        self.softspace = 0
        return saved

    def resume(self, saved):
        self._parts, self._len, self._cut, self.softspace = saved

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        return 2  # fd 1 already points at fd 2; the protocol has private descriptors

    def close(self):
        pass


stdout = Capture('stdout')
stderr = Capture('stderr')


def end_partial_lines():
    stdout.end_partial()
    stderr.end_partial()


def suspend_partial_lines():
    return (stdout.suspend(), stderr.suspend())


def resume_partial_lines(saved):
    stdout.resume(saved[0])
    stderr.resume(saved[1])


def install():
    # Many Python 2 mods run `reload(sys); sys.setdefaultencoding('utf-8')`. reload(sys) restores
    # sys from the copy the interpreter saved at start-up, which would bring the original stdout
    # back (fd 1, now stderr). So: bring setdefaultencoding back first (site.py deleted it), put the
    # captures in, save *that* as the copy reload(sys) restores, then delete setdefaultencoding
    # again as site.py does. sys.path / sys.modules / sys.meta_path are the same objects throughout.
    reload(sys)
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr
    try:
        import ctypes
        ctypes.pythonapi._PyImport_FixupExtension(ctypes.c_char_p('sys'), ctypes.c_char_p('sys'))
    except Exception:
        pass
    if hasattr(sys, 'setdefaultencoding'):
        del sys.setdefaultencoding
    messages.end_partial_lines[0] = end_partial_lines
    messages.suspend_partial_lines[0] = suspend_partial_lines
    messages.resume_partial_lines[0] = resume_partial_lines
