import fakeengine


def GetServerType():
    return fakeengine.SERVER_TYPE[0]


def GetModJsonConfig(scriptRootName):
    return fakeengine.MOD_JSON[0]
