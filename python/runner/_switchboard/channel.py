# -*- coding: utf-8 -*-
"""The protocol's two pipes: lines out are buffered and written once per `done` / `call`
(or when the buffer passes a bound); lines in are read with a bound on their length."""
import os

MAX_LINE = 64 << 20      # a longer command line is a broken protocol
FLUSH_AT = 4 << 20       # pending output written early past this many bytes

_out = []
_size = [0]
_io = {}


def open_pipes(fd_in, fd_out):
    _io['in'] = os.fdopen(fd_in, 'rb', 1 << 16)
    _io['out'] = fd_out


def emit_line(line):
    _out.append(line)
    _out.append('\n')
    _size[0] += len(line) + 1
    if _size[0] > FLUSH_AT:
        flush()


def flush():
    if not _out:
        return
    data = ''.join(_out)
    del _out[:]
    _size[0] = 0
    fd = _io['out']
    view = memoryview(data)
    done = 0
    total = len(data)
    while done < total:
        done += os.write(fd, view[done:])


class ProtocolError(Exception):
    pass


def fatal(message):
    """A broken protocol line or a bug in the runner: say so and exit (never caught by mod code)."""
    from _switchboard import wire
    try:
        emit_line(wire.encode({'op': 'fatal', 'message': message}))
        flush()
    finally:
        os._exit(70)


CHUNK = 1 << 16


def read_line():
    """The next line without its newline, or None at end of input. Read in chunks: Python 2's
    readline(n) allocates n bytes up front, so a 64 MiB bound cannot be its argument."""
    f = _io['in']
    line = f.readline(CHUNK)
    if not line:
        return None
    if line[-1:] == '\n':
        return line[:-1]
    parts = [line]
    size = len(line)
    while True:
        more = f.readline(CHUNK)
        if not more:
            return ''.join(parts)  # last line without a newline
        size += len(more)
        if size > MAX_LINE:
            raise ProtocolError('a command line longer than %d bytes' % MAX_LINE)
        parts.append(more)
        if more[-1:] == '\n':
            return ''.join(parts)[:-1]
