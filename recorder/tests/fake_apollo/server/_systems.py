# -*- coding: utf-8 -*-
import fakeengine


def _sender(api):
    def method(self, *args, **kw):
        if kw:
            args = args + tuple(sorted(kw.items()))
        fakeengine.engine.call(api, args)
    method.__name__ = api
    return method


class BaseSystem(object):
    def __init__(self, namespace, systemName):
        self.fakeNs = namespace
        self.fakeSys = systemName

    def ListenForEvent(self, namespace, systemName, eventName, instance, func, priority=0):
        fakeengine.engine.listeners.append(((namespace, systemName, eventName), instance, func, priority))

    def UnListenForEvent(self, namespace, systemName, eventName, instance, func, priority=0):
        e = fakeengine.engine
        e.listeners = [l for l in e.listeners if not (l[0] == (namespace, systemName, eventName) and l[2] == func)]

    def BroadcastEvent(self, eventName, eventData):
        fakeengine.engine.deliver(self.fakeNs, self.fakeSys, eventName, eventData)

    def RequestToService(self, module, event, eventData, callback=None, timeout=2):
        fakeengine.engine.call('RequestToService', (module, event, eventData, callback, timeout))
        if callback is not None:
            fakeengine.engine.callbacks.append(callback)

    def RequestToServiceMod(self, modname, method, args, callback=None, timeout=2):
        fakeengine.engine.call('RequestToServiceMod', (modname, method, args, callback, timeout))
        if callback is not None:
            fakeengine.engine.callbacks.append(callback)

    NotifyToMaster = _sender('NotifyToMaster')
    NotifyToServiceNode = _sender('NotifyToServiceNode')
    BroadcastToService = _sender('BroadcastToService')


class ServerSystem(BaseSystem):
    NotifyToClient = _sender('NotifyToClient')


class _Owner(BaseSystem):
    def RegisterRpcMethod(self, module, event, func):
        fakeengine.engine.rpc[(module, event)] = func

    ResponseToServer = _sender('ResponseToServer')
    NotifyToServerNode = _sender('NotifyToServerNode')


class MasterSystem(_Owner):
    pass


class ServiceSystem(_Owner):
    def RegisterRpcMethodForMod(self, method, func):
        fakeengine.engine.rpc[(None, method)] = func

    BroadcastToServerByType = _sender('BroadcastToServerByType')
    RemoteNotifyToClient = _sender('RemoteNotifyToClient')
