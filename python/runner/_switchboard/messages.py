# -*- coding: utf-8 -*-
"""Python -> engine messages during a command: post, call (and its nested commands), log, stub."""
from _switchboard import addresses, channel, state, wire

LOG_MAX = 8192
STUB_NAME_MAX = 200
STUBS_PER_NODE = 4096

_encode = wire.encode
_emit_line = channel.emit_line

# Set by commands.py: runs a command that arrives while a `call` waits for its result.
dispatch = [None]
# Set by capture.py: end unfinished printed lines (a command's end); set them aside and take them
# back around a nested command, so `print 'a', f()` stays one line when f() waits for a result.
end_partial_lines = [lambda: None]
suspend_partial_lines = [lambda: None]
resume_partial_lines = [lambda saved: None]


def post(node, api, args, sys_number=0):
    _emit_line(_encode({'op': 'post', 'node': node.id, 'api': api, 'sys': sys_number, 'args': args}))


class CallError(Exception):
    """The engine answered a `call` with an error (an API it does not know)."""


def call(node, api, args, sys_number=0):
    _emit_line(_encode({'op': 'call', 'node': node.id, 'api': api, 'sys': sys_number, 'args': args}))
    channel.flush()
    while True:
        try:
            line = channel.read_line()
        except channel.ProtocolError as e:
            channel.fatal(str(e))
        if line is None:
            channel.fatal('input ended while waiting for the result of %s' % api)
        try:
            msg = wire.decode(line)
        except ValueError:
            msg = None
        if not isinstance(msg, dict):
            channel.fatal('a line that is not a JSON object: %r' % line[:200])
        if msg.get('op') == 'result':
            if 'error' in msg and msg['error'] is not None:
                raise CallError(wire.to_str(msg['error']))
            return wire.to_str(msg.get('value'))
        dispatch[0](msg)


def _text(data):
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('latin-1')


def log(stream, data, cut=False, node=None):
    """One log line (bytes without newline). Longer than LOG_MAX bytes: cut, ending with an ellipsis."""
    if len(data) > LOG_MAX:
        data = data[:LOG_MAX]
        cut = True
    if cut:
        data = data[:LOG_MAX - 3]
        for trim in (0, 1, 2, 3):  # do not leave half a UTF-8 character
            try:
                text = data[:len(data) - trim].decode('utf-8')
                break
            except UnicodeDecodeError:
                text = None
        if text is None:
            text = data.decode('latin-1')
        text += u'\u2026'
    else:
        text = _text(data)
    text = addresses.scrub(text)
    if node is None:
        node = state.current()
    _emit_line(_encode({'op': 'log', 'node': node.id if node is not None else '', 'stream': stream, 'text': text}))


def stub(name, node=None):
    """Record one use of something the simulation does not model."""
    if node is None:
        node = state.current()
    if len(name) > STUB_NAME_MAX:
        name = name[:STUB_NAME_MAX - 3] + '...'
    if node is not None and name not in node.stubs_seen:
        if len(node.stubs_seen) < STUBS_PER_NODE:
            node.stubs_seen.add(name)
            _emit_line(_encode({'op': 'stub', 'node': node.id, 'name': name}))
        else:
            name = '(more stubs)'
    fr = state.frame()
    if fr is not None:
        counts = fr.stubs
        if counts is None:
            counts = fr.stubs = {}
        if name in counts or len(counts) < STUBS_PER_NODE:
            counts[name] = counts.get(name, 0) + 1
