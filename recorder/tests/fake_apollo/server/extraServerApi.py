from server._systems import ServerSystem


def GetServerSystemCls():
    return ServerSystem


def GetEngineNamespace():
    return 'Minecraft'


def GetEngineSystemName():
    return 'Engine'
