# -*- coding: utf-8 -*-
# The recorder mod: list it FIRST in each server's mods (deploy.json) so it wraps the messaging
# API before any other mod registers a handler. See recorder/README.md and recorder/FORMAT.md.
from common.mod import Mod

from . import recorder


def _decorator(name):
    # A Mod without one of the Init/Destroy decorators (an older engine) just skips that kind.
    make = getattr(Mod, name, None)
    return make() if make is not None else (lambda fn: fn)


@Mod.Binding(name='switchboardRecorder', version='1.0.0')
class SwitchboardRecorder(object):
    def __init__(self):
        pass

    @_decorator('InitServer')
    def initServer(self):
        recorder.start('server')

    @_decorator('InitMaster')
    def initMaster(self):
        recorder.start('master')

    @_decorator('InitService')
    def initService(self):
        recorder.start('service')

    @_decorator('DestroyServer')
    def destroyServer(self):
        recorder.stop()

    @_decorator('DestroyMaster')
    def destroyMaster(self):
        recorder.stop()

    @_decorator('DestroyService')
    def destroyService(self):
        recorder.stop()
