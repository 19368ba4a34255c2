# -*- coding: utf-8 -*-
"""Mod systems on a node: RegisterSystem (import the class, number it, post it, construct it),
GetSystem, the listeners a node keeps for BroadcastEvent, Update() and Destroy()."""
import importlib

from _switchboard import calls, handlers, messages, state

_post = messages.post


def _has_update(cls):
    from common.system.baseSystem import BaseSystem
    mine = getattr(cls, 'Update', None)
    return mine is not None and getattr(mine, 'im_func', mine) is not BaseSystem.Update.im_func


def register_system(namespace, system_name, cls_path):
    node = state.node()
    key = (namespace, system_name)
    rec = node.by_name.get(key)
    if rec is not None and rec.instance is not None:
        return rec.instance
    if not isinstance(cls_path, basestring) or '.' not in cls_path:
        raise ValueError('RegisterSystem: clsPath must be "package.module.ClassName", not %r' % (cls_path,))
    module_path, cls_name = cls_path.rsplit('.', 1)
    module = importlib.import_module(module_path)
    cls = getattr(module, cls_name)
    rec = _add(node, namespace, system_name, cls_path, _has_update(cls))
    outer = node.constructing
    node.constructing = rec
    try:
        instance = cls(namespace, system_name)
    finally:
        node.constructing = outer
    rec.instance = instance
    if getattr(instance, '_sbNode', None) is None:
        instance._sbNode = node
        instance._sbSys = rec.number
    return instance


def _add(node, namespace, system_name, cls_path, has_update):
    rec = state.SystemRec(len(node.systems) + 1, namespace, system_name, cls_path, has_update)
    node.systems.append(rec)
    node.by_name[(namespace, system_name)] = rec
    _post(node, 'RegisterSystem', [namespace, system_name, cls_path, has_update], rec.number)
    return rec


def bind(obj, namespace, system_name):
    """Called by the system base class's __init__: the node and number the object sends as."""
    node = state.node()
    rec = node.constructing
    if rec is not None and rec.instance is None and rec.namespace == namespace and rec.name == system_name:
        node.constructing = None
    else:
        # Constructed directly, not through RegisterSystem: it still sends as (namespace, systemName);
        # the engine learns that identity, and (as in Apollo) nothing calls its Update().
        existing = node.by_name.get((namespace, system_name))
        cls = type(obj)
        rec = _add(node, namespace, system_name, '%s.%s' % (cls.__module__, cls.__name__), False) if existing is None else existing
        if rec.instance is None:
            rec.instance = obj
    obj._sbNode = node
    obj._sbSys = rec.number


def get_system(namespace, system_name):
    node = state.current()
    if node is None:
        return None
    rec = node.by_name.get((namespace, system_name))
    return rec.instance if rec is not None else None


def owner(obj):
    node = getattr(obj, '_sbNode', None)
    if node is None:
        node = state.node()
    return node, getattr(obj, '_sbSys', 0)


def post_from(obj, api, args):
    node, number = owner(obj)
    _post(node, api, args, number)


def listen(obj, namespace, system_name, event_name, instance, func, priority):
    node, number = owner(obj)
    hid = handlers.lasting(func, instance, node)
    key = (namespace, system_name, event_name)
    entries = node.listeners.setdefault(key, [])
    for e in entries:
        if e[2] == hid:
            break
    else:
        node.listen_seq += 1
        entries.append((-priority, node.listen_seq, hid, number))
        entries.sort()
    _post(node, 'ListenForEvent', [namespace, system_name, event_name, {'$h': hid}, priority], number)


def unlisten(obj, namespace, system_name, event_name, instance, func):
    node, number = owner(obj)
    hid = handlers.find_lasting(func, instance, node)
    if hid is None:
        return
    key = (namespace, system_name, event_name)
    entries = node.listeners.get(key)
    if entries:
        entries[:] = [e for e in entries if e[2] != hid]
        if not entries:
            del node.listeners[key]
    _post(node, 'UnListenForEvent', [namespace, system_name, event_name, {'$h': hid}], number)


def unlisten_all(obj):
    node, number = owner(obj)
    for key in sorted(node.listeners):
        entries = node.listeners[key]
        mine = [e for e in entries if e[3] == number]
        if not mine:
            continue
        entries[:] = [e for e in entries if e[3] != number]
        if not entries:
            del node.listeners[key]
        for e in mine:
            _post(node, 'UnListenForEvent', [key[0], key[1], key[2], {'$h': e[2]}], number)


def broadcast_event(obj, event_name, event_data):
    """BroadcastEvent: this node's own listeners of (namespace, systemName, event), at once, by priority."""
    node, number = owner(obj)
    entries = node.listeners.get((obj.namespace, obj.systemName, event_name))
    if not entries:
        return
    for e in list(entries):
        h = handlers.get(e[2])
        if h is not None:
            calls.run_user(h.call, (event_data,), None, h.fn)


def tick(node):
    for rec in list(node.systems):
        if rec.has_update and rec.instance is not None:
            calls.run_user(rec.instance.Update)


def destroy_all(node):
    for rec in list(node.systems):
        if rec.instance is not None:
            destroy = getattr(rec.instance, 'Destroy', None)
            if destroy is not None:
                calls.run_user(destroy)
