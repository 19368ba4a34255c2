# -*- coding: utf-8 -*-
"""common.minecraftEnum: the world's enumerations; every name is a stub (the world is not simulated)."""
import _switchboard.api as _sb

_sb.api_module(__name__)
