# -*- coding: utf-8 -*-
"""MasterSystem: the master's system class (extraMasterApi.GetMasterSystemCls())."""
from common.system.baseSystem import _AnsweringSystem


class MasterSystem(_AnsweringSystem):
    pass
