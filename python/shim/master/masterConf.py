# -*- coding: utf-8 -*-
"""master.masterConf: `netgameConf`, the common configuration (GetCommonConfig) read each time."""
import _switchboard.api as _sb

_sb.api_module(__name__, {'netgameConf': lambda: _sb.query('GetCommonConfig', [], {})})
