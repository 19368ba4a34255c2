class Mod(object):
    @staticmethod
    def Binding(name, version):
        return lambda cls: cls

    @staticmethod
    def InitServer():
        return lambda fn: fn

    @staticmethod
    def InitMaster():
        return lambda fn: fn

    @staticmethod
    def InitService():
        return lambda fn: fn

    @staticmethod
    def DestroyServer():
        return lambda fn: fn

    @staticmethod
    def DestroyMaster():
        return lambda fn: fn

    @staticmethod
    def DestroyService():
        return lambda fn: fn
