# -*- coding: utf-8 -*-
"""apolloCommon.workerPool: a task pool. Simulated without threads: each task runs after the
current command at the same virtual time, tasks of one pool in the order they were emitted, and
its callback gets the task's returned tuple as arguments right after it."""
import _switchboard.api as _sb


class MainPool(object):
    def __init__(self, orderSize):
        self.orderSize = orderSize

    def EmitOrder(self, key, func, callback, *args):
        _sb.later(_run, func, callback, args)

    def Finish(self, timeout=None):
        pass


def _run(func, callback, args):
    result = func(*args)
    if callback is not None:
        if result is None:
            result = ()
        callback(*result)


def ForkNewPool(orderSize):
    return MainPool(orderSize)


_sb.api_module(__name__)
