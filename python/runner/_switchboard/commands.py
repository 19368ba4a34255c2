# -*- coding: utf-8 -*-
"""The engine's commands (load / invoke / method / tick / unload / exit), each answered by exactly
one `done` after any number of post/call/log/stub lines. Mod code runs only inside them."""
import os

from _switchboard import calls, channel, determinism, failure, handlers, loader, messages, state, systems, wire

_encode = wire.encode
_to_str = wire.to_str


def _done(node_id, fr):
    msg = {'op': 'done', 'node': node_id, 'error': fr.errors[0] if fr.errors else None}
    if len(fr.errors) > 1:
        msg['errors'] = fr.errors
    if fr.stubs:
        msg['stubs'] = fr.stubs
    return msg


def _node_for(msg):
    node_id = _to_str(msg.get('node'))
    node = state.nodes.get(node_id)
    return node_id, node


def run(msg):
    """Run one command (top level, or nested while a `call` waits)."""
    op = msg.get('op')
    if op == 'exit':
        channel.flush()
        os._exit(0)
    handler = _COMMANDS.get(op)
    if handler is None:
        channel.fatal('unknown command %r' % (op,))
    nested = bool(state.frames)
    saved_lines = messages.suspend_partial_lines[0]() if nested else None
    clock = determinism.clock
    outer_now = clock['now_ms']
    if 'now' in msg:
        clock['now_ms'] = msg['now']
    outer_node = state.current()
    fr = state.Frame(None)
    state.frames.append(fr)
    try:
        node_id = handler(msg, fr)
        messages.end_partial_lines[0]()
    except Exception as e:  # a bug of the runner or a malformed command: not recoverable
        import traceback
        channel.fatal('%s while running %r: %s\n%s' % (type(e).__name__, op, e, traceback.format_exc()))
    finally:
        state.frames.pop()
        if outer_node is not None:  # back to the command this one interrupted
            state.enter(outer_node)
        clock['now_ms'] = outer_now
        if nested:
            messages.resume_partial_lines[0](saved_lines)
    channel.emit_line(_encode(_done(node_id, fr)))
    channel.flush()


def _require_node(msg, fr):
    node_id, node = _node_for(msg)
    if node is None:
        fr.errors.append(failure.simple('LookupError', 'node %s is not loaded in this process' % (node_id,)))
        return node_id, None
    fr.node = node
    state.enter(node)
    return node_id, node


def _load(msg, fr):
    info = _to_str(msg['node'])
    node_id = info['id']
    if node_id in state.nodes:
        fr.errors.append(failure.simple('RuntimeError', 'node %s is already loaded' % (node_id,)))
        return node_id
    node = state.Node(info)
    node.tick_hz = msg.get('tickHz', 0)
    state.nodes[node_id] = node
    fr.node = node
    state.enter(node)
    determinism.clock['epoch_ms'] = msg.get('epochMs', 0)
    determinism.seed(msg.get('seed', 0))
    loader.load(node, _to_str(msg.get('mods') or []))
    return node_id


def _invoke(msg, fr):
    node_id, node = _require_node(msg, fr)
    if node is None:
        return node_id
    hid = msg['h']
    h = handlers.get(hid)
    if h is None or h.node is not node:
        fr.errors.append(failure.simple('LookupError', 'no handler %s on node %s' % (hid, node_id)))
        return node_id
    handlers.take_for_call(hid)
    args = _to_str(msg.get('args') or [])
    if h.kind == handlers.TIMER:
        calls.run_user(h.call, h.args, h.kwargs, h.fn)
    else:
        calls.run_user(h.call, args, None, h.fn)
    return node_id


def _method(msg, fr):
    node_id, node = _require_node(msg, fr)
    if node is None:
        return node_id
    ns = _to_str(msg['ns'])
    name = _to_str(msg['sys'])
    method = _to_str(msg['method'])
    rec = node.by_name.get((ns, name))
    if rec is None or rec.instance is None:
        fr.errors.append(failure.simple('LookupError', 'no system %s/%s on node %s' % (ns, name, node_id)))
        return node_id
    fn = calls.run_user(getattr, (rec.instance, method, None), None, False)
    if fr.errors:
        return node_id
    if fn is None or not callable(fn):
        fr.errors.append(failure.simple('AttributeError', 'system %s/%s (%s) has no method %r' % (ns, name, rec.cls_path, method)))
        return node_id
    calls.run_user(fn, tuple(_to_str(msg.get('args') or [])))
    return node_id


def _tick(msg, fr):
    node_id, node = _require_node(msg, fr)
    if node is not None:
        systems.tick(node)
    return node_id


def _unload(msg, fr):
    node_id, node = _require_node(msg, fr)
    if node is None:
        return node_id
    loader.unload(node)
    systems.destroy_all(node)
    handlers.forget_node(node)
    loader.release_dirs(node)
    del state.nodes[node_id]
    return node_id


_COMMANDS = {
    'load': _load,
    'invoke': _invoke,
    'method': _method,
    'tick': _tick,
    'unload': _unload,
}

messages.dispatch[0] = run
