from server._systems import ServiceSystem


def GetServiceSystemCls():
    return ServiceSystem
