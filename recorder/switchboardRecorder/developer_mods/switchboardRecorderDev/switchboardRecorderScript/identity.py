# -*- coding: utf-8 -*-
# Which server this is (kind, serverId, type, module names), asked of the Apollo API the way
# plugins do; mod.json's "server" object overrides any of it. Which @Mod.Init* ran says the kind
# family: InitServer (lobby/game), InitMaster, InitService.


def _try(fn, default=None):
    try:
        value = fn()
        return default if value is None else value
    except Exception:
        return default


def _server_id(module_names):
    for name in module_names:
        try:
            module = __import__(name, fromlist=['GetServerId'])
            value = module.GetServerId()
            if isinstance(value, (int, long)) and not isinstance(value, bool):
                return int(value)
        except Exception:
            continue
    return None


def _common_api():
    import apolloCommon.commonNetgameApi as commonNetgameApi
    return commonNetgameApi


def _lobby_game(found):
    import lobbyGame.netgameApi as lobbyGameApi
    found['serverId'] = _server_id(['lobbyGame.netgameApi'])
    server_type = _try(lambda: _common_api().GetServerType()) or _try(lambda: lobbyGameApi.GetServerType())
    if isinstance(server_type, (str, unicode)):
        found['type'] = server_type
    conf = _try(lambda: lobbyGameApi.GetCommonConfig(), {})
    app_type = None
    for entry in (conf.get('serverlist') or []) if isinstance(conf, dict) else []:
        if isinstance(entry, dict) and entry.get('serverid') == found['serverId']:
            app_type = entry.get('app_type')
            found.setdefault('type', entry.get('type'))
    if app_type in ('lobby', 'game'):
        found['kind'] = app_type
    else:
        # No config entry: a type naming a lobby is the best remaining evidence.
        found['kind'] = 'lobby' if 'lobby' in (found.get('type') or '').lower() else 'game'


def _service(found):
    found['serverId'] = _server_id(['service.netgameApi', 'apolloCommon.commonNetgameApi'])
    conf = _try(lambda: __import__('service.netgameApi', fromlist=['GetServiceConfig']).GetServiceConfig(), {})
    if isinstance(conf, dict):
        service_type = conf.get('type') or conf.get('app_type')
        if isinstance(service_type, (str, unicode)):
            found['type'] = service_type
        modules = conf.get('module_names')
        if isinstance(modules, (list, tuple)):
            found['modules'] = [m for m in modules if isinstance(m, (str, unicode))]
    if 'type' not in found:
        server_type = _try(lambda: _common_api().GetServerType())
        if isinstance(server_type, (str, unicode)):
            found['type'] = server_type


def discover(family, override=None):
    """{kind, serverId, type?, modules?} for family 'server' | 'master' | 'service'."""
    found = {}
    if family == 'master':
        found['kind'] = 'master'
        found['serverId'] = 0
    elif family == 'service':
        found['kind'] = 'service'
        _try(lambda: _service(found))
    else:
        _try(lambda: _lobby_game(found))
        found.setdefault('kind', 'game')
    for key in ('kind', 'serverId', 'type', 'modules'):
        if override and key in override:
            found[key] = override[key]
    if found.get('serverId') is None:
        raise ValueError('cannot find this server\'s id (GetServerId); set "server": {"serverId": N} in mod.json')
    return dict((k, v) for k, v in found.items() if v is not None)
