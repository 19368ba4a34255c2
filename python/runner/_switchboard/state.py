# -*- coding: utf-8 -*-
"""What the runner knows: the nodes it hosts, the node whose code is running, the command frames."""
import random

# The generator `random`'s module functions are bound to; swapped per node (see enter()).
_inst = random._inst


class Node(object):
    """One simulated node hosted by this process (several only in the clients' process)."""

    def __init__(self, info):
        self.info = info
        self.id = info['id']
        self.kind = info.get('kind')
        self.server_id = info.get('serverId')
        self.type = info.get('type')
        self.module_names = list(info.get('moduleNames') or [])
        self.uid = info.get('uid')
        self.player_id = info.get('playerId')
        self.proxy_id = info.get('proxyId')
        self.tick_hz = 0
        self.mods = []           # ModInfo dicts, load order
        self.bindings = []       # (mod name, @Mod.Binding instance)
        self.systems = []        # SystemRec, registration order (number = index + 1)
        self.by_name = {}        # (namespace, systemName) -> SystemRec
        self.constructing = None  # SystemRec whose class is being instantiated by RegisterSystem
        self.listeners = {}      # (ns, sys, event) -> [(-priority, seq, handler id)] for BroadcastEvent
        self.listen_seq = 0
        self.handler_ids = set()
        self.stubs_seen = set()
        self.rstate = None       # saved `random` state while another node runs

    def __repr__(self):
        return '<node %s>' % self.id


class SystemRec(object):
    __slots__ = ('number', 'namespace', 'name', 'cls_path', 'instance', 'has_update')

    def __init__(self, number, namespace, name, cls_path, has_update):
        self.number = number
        self.namespace = namespace
        self.name = name
        self.cls_path = cls_path
        self.instance = None
        self.has_update = has_update


class Frame(object):
    """One command being run (commands nest while a `call` waits for its result)."""
    __slots__ = ('node', 'stubs', 'errors', 'mod')

    def __init__(self, node):
        self.node = node
        self.stubs = None
        self.errors = []
        self.mod = None  # name of the mod being loaded (Failure.mod)


nodes = {}
frames = []
_current = [None]


def node():
    """The node whose code is running."""
    n = _current[0]
    if n is None:
        raise RuntimeError('switchboard: no simulated node is running code now')
    return n


def current():
    return _current[0]


def enter(n):
    """Make `n` the running node; each node keeps its own `random` sequence."""
    cur = _current[0]
    if cur is n:
        return
    if cur is not None:
        cur.rstate = _inst.getstate()
    if n is not None and n.rstate is not None:
        _inst.setstate(n.rstate)
        n.rstate = None
    _current[0] = n


def frame():
    return frames[-1] if frames else None
