# -*- coding: utf-8 -*-
"""apolloCommon.mongoPool: MongoDB is not simulated; every name is a recording stub."""
import _switchboard.api as _sb

_sb.api_module(__name__)
