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
    Returns the Recorder, or None when disabled or when it could not start."""
    if core.current is not None:
        return core.current
    try:
        cfg = config.load(raw_config, warn=_say)
        if not cfg['enabled']:
            _say('disabled in mod.json')
            return None
        ident = identity.discover(family, cfg['server'])
        module_name, getter = _SYSTEM_CLASSES[family]
        module = __import__(module_name, fromlist=[getter])
        cls = getattr(module, getter)()
        rec = core.Recorder(cfg, ident, clock=clock)
    except Exception:
        _say('not started: %s' % core._last_line())
        return None
    core.current = rec
    try:
        hooks.install_class(cls)
        if family == 'master':
            import master.masterHttp as masterHttp
            hooks.install_http(masterHttp)
    except Exception:
        rec.fail('cannot install its hooks: %s' % core._last_line())
    return rec


def stop():
    rec = core.current
    if rec is not None:
        try:
            rec.close()
        except Exception:
            pass


atexit.register(stop)
