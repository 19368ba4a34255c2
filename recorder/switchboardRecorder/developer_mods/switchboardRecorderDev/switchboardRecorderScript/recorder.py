# -*- coding: utf-8 -*-
# Starting and stopping the recorder on one server: read mod.json, find out which server this is,
# open its file and install the hooks. Anything that fails here leaves the server as it was.
import atexit

from . import config
from . import core
from . import hooks
from . import identity

# family -> (module, getter of the system base class)
_SYSTEM_CLASSES = {
    'server': ('server.extraServerApi', 'GetServerSystemCls'),
    'master': ('server.extraMasterApi', 'GetMasterSystemCls'),
    'service': ('server.extraServiceApi', 'GetServiceSystemCls'),
}


def _say(text):
    try:
        print 'switchboardRecorder: %s' % text
    except Exception:
        pass


def start(family, raw_config=None, clock=None):
    """Starts recording on this server (family: 'server' for lobby/game, 'master', 'service').
    Returns the Recorder. When disabled, or when it cannot record (no file, no server id), the hooks
    are still installed, recording nothing: other servers' recorders still send correlation keys,
    and this server's handlers must not see them."""
    if core.current is not None:
        return core.current
    try:
        module_name, getter = _SYSTEM_CLASSES[family]
        module = __import__(module_name, fromlist=[getter])
        cls = getattr(module, getter)()
    except Exception:
        _say('not started (no system class): %s' % core._last_line())
        return None
    cfg = config.load(raw_config, warn=_say)
    why = None
    rec = None
    if not cfg['enabled']:
        why = 'disabled in mod.json'
    else:
        try:
            rec = core.Recorder(cfg, identity.discover(family, cfg['server']), clock=clock)
        except Exception:
            why = 'not started: %s' % core._last_line()
    if rec is None:
        _say('%s; it only removes correlation keys other servers send' % why)
        rec = core.Recorder(cfg, {'kind': family, 'serverId': -1}, clock=clock, out=core.NullOut())
        rec.on = False
    core.current = rec
    try:
        hooks.install_class(cls)
        if family == 'master':
            import master.masterHttp as masterHttp
            hooks.install_http(masterHttp)
    except Exception:
        rec.fail('cannot install its hooks: %s' % core._last_line())
    for module_name, names in hooks.CARRY:
        try:
            hooks.install_carry(__import__(module_name, fromlist=['_']), names)
        except Exception:
            pass  # that module is not on this server: nothing to carry causes through
    return rec


def stop():
    rec = core.current
    if rec is not None:
        try:
            rec.close()
        except Exception:
            pass


atexit.register(stop)
