import fakeengine


def GetServerType():
    return fakeengine.SERVER_TYPE[0]


def GetModJsonConfig(scriptRootName):
    return fakeengine.MOD_JSON[0]


def AddTimer(delay, func, *args, **kwargs):
    fakeengine.engine.timers.append((func, args, kwargs))
    return len(fakeengine.engine.timers)
