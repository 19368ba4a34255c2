import fakeengine


def AsyncGet(key, callback):
    fakeengine.engine.timers.append((callback, ('value-of-%s' % key,), {}))
