# -*- coding: utf-8 -*-
# The recorder's settings: mod.json read the way Apollo plugins read theirs
# (apolloCommon.commonNetgameApi.GetModJsonConfig), else straight from the file next to this
# package. A missing or wrong value falls back to its default with a printed warning naming it.
import json
import os

SCRIPT_ROOT = 'switchboardRecorderScript'

DEFAULTS = {
    'enabled': True,
    'path': 'switchboard-recordings/{kind}-{serverId}.ndjson',
    'maxFileBytes': 64 * 1024 * 1024,
    'rotate': True,
    'maxPayloadBytes': 4096,
    'correlate': True,
    'flushMs': 0,
    'server': {},
}

# key -> (accepted types, lowest value for numbers)
_CHECKS = {
    'enabled': ((bool,), None),
    'path': ((str, unicode), None),
    'maxFileBytes': ((int, long), 4096),
    'rotate': ((bool,), None),
    'maxPayloadBytes': ((int, long), 16),
    'correlate': ((bool,), None),
    'flushMs': ((int, long), 0),
    'server': ((dict,), None),
}


def _from_engine():
    try:
        import apolloCommon.commonNetgameApi as commonNetgameApi
        conf = commonNetgameApi.GetModJsonConfig(SCRIPT_ROOT)
        return conf if isinstance(conf, dict) and conf else None
    except Exception:
        return None


def _from_file():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(os.path.dirname(here), 'mod.json')
    try:
        with open(path, 'rb') as f:
            conf = json.loads(f.read().decode('utf-8'))
        return conf if isinstance(conf, dict) else None
    except Exception:
        return None


def load(raw=None, warn=None):
    """The settings: `raw` (tests), else mod.json. Returns a new dict with every key of DEFAULTS."""
    if raw is None:
        raw = _from_engine() or _from_file() or {}
    out = dict(DEFAULTS)
    for key, default in DEFAULTS.items():
        if key not in raw:
            continue
        value = raw[key]
        types, lowest = _CHECKS[key]
        # bool is an int in Python: a size must not be True, a switch must be exactly a bool.
        ok = isinstance(value, types) and (isinstance(value, bool) == (bool in types))
        if ok and lowest is not None and value < lowest:
            ok = False
        if ok:
            out[key] = value
        elif warn is not None:
            warn('mod.json: "%s" must be %s; using %r' % (key, _describe(types, lowest), default))
    return out


def _describe(types, lowest):
    if bool in types:
        return 'true or false'
    if str in types:
        return 'a string'
    if dict in types:
        return 'an object'
    return 'an integer >= %d' % lowest
