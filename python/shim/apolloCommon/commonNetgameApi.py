# -*- coding: utf-8 -*-
"""apolloCommon.commonNetgameApi (also netgame.apolloCommon.commonNetgameApi): timers on the
engine's virtual clock, the server's type, players' online info, the mod's own mod.json.
Names not defined here (GetOnlineKey, StartYappiProfile, ...) are recording stubs."""
import _switchboard.api as _sb


def AddTimer(delay, func, *args, **kwargs):
    """func(*args, **kwargs) once, `delay` virtual seconds from now."""
    return _sb.add_timer(delay, func, args, kwargs, False)


def AddRepeatedTimer(delay, func, *args, **kwargs):
    """func(*args, **kwargs) every `delay` virtual seconds until CancelTimer."""
    return _sb.add_timer(delay, func, args, kwargs, True)


def CancelTimer(timer):
    if timer is not None:
        _sb.cancel_timer(timer)


def GetServerType():
    node = _sb.node()
    return node.type if node.type is not None else (node.kind or '')


def GetOnlineServerInfoOfPlayer(uid, callback):
    """callback({'uid', 'serverId', 'proxyId'}) after this command (serverId/proxyId None when offline)."""
    info = _sb.query('GetOnlineServerInfoOfPlayer', [uid], {'uid': uid, 'serverId': None, 'proxyId': None})
    if callback is not None:
        _sb.later(callback, info)


def GetOnlineServerInfoOfMultiPlayers(uids, callback):
    uids = list(uids)
    if len(uids) > 100:
        raise Exception('GetOnlineServerInfoOfMultiPlayers: at most 100 uids, not %d' % len(uids))
    infos = _sb.query('GetOnlineServerInfoOfMultiPlayers', [uids],
                      [{'uid': u, 'serverId': None, 'proxyId': None} for u in uids])
    if callback is not None:
        _sb.later(callback, infos)


def GetModJsonConfig(scriptRootName):
    """The loaded mod.json of the mod whose script folder is scriptRootName ({} without one)."""
    return _sb.mod_json(scriptRootName)


def GetModScriptRootDir(scriptRootName):
    return _sb.mod_script_dir(scriptRootName)


def CheckNameValid(name):
    """1 = no sensitive words. The word lists are not simulated: always 1 (reported as a stub)."""
    _sb.stub('apolloCommon.commonNetgameApi.CheckNameValid')
    return 1


def CheckWordsValid(words):
    _sb.stub('apolloCommon.commonNetgameApi.CheckWordsValid')
    return 1


def _config(key):
    conf = _sb.query('GetCommonConfig', [], {}) or {}
    return conf.get(key)


def _mysql_config():
    c = _config('mysql')
    if not c:
        return (False, None, None, None, None, None)
    return (True, c.get('host'), c.get('user'), c.get('password'), c.get('database'), c.get('port'))


def _redis_config():
    c = _config('redis')
    if not c:
        return (False, None, None, None)
    return (True, c.get('host'), c.get('port'), c.get('password'))


def _mongo_config():
    c = _config('mongo')
    if not c:
        return (False, None, None, None, None, None)
    return (True, c.get('host'), c.get('user'), c.get('password'), c.get('database'), c.get('port'))


_sb.api_module(__name__)
