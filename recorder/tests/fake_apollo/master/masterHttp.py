import fakeengine


def RegisterMasterHttp(path, instance, func):
    fakeengine.engine.http[path] = func


def SendHttpResponse(clientId, body):
    fakeengine.engine.responses.append((clientId, body))
