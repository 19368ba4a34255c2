import fakeengine


def GetServerId():
    return fakeengine.SERVER_ID[0]


def GetServiceConfig():
    return fakeengine.SERVICE_CONFIG[0]
