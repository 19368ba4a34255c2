# -*- coding: utf-8 -*-
"""service.serviceConf: the modules this service owns (deploy.json module_names) and netgameConf."""
import _switchboard.api as _sb


def get_module_names():
    return list(_sb.node().module_names)


_sb.api_module(__name__, {'netgameConf': lambda: _sb.query('GetCommonConfig', [], {})})
