import fakeengine


def GetServerId():
    return fakeengine.SERVER_ID[0]


def GetCommonConfig():
    return {'serverlist': [{'serverid': fakeengine.SERVER_ID[0], 'app_type': 'lobby', 'type': fakeengine.SERVER_TYPE[0]}]}
