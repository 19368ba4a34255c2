# -*- coding: utf-8 -*-
"""service.serviceHttp: a service's own HTTP routes are not simulated; every name is a recording stub."""
import _switchboard.api as _sb

_sb.api_module(__name__)
