from server._systems import MasterSystem


def GetMasterSystemCls():
    return MasterSystem
