# -*- coding: utf-8 -*-
"""service.timermanager: timerManager.addTimer / addRepeatTimer / delTimer on the virtual clock."""
import _switchboard.api as _sb
from service.asyncore_with_timer import CallEvery, CallLater


class TimerManager(object):
    def __init__(self):
        self.timers = {}
        self._next = 0

    def addTimer(self, delay, func, *args, **kwargs):
        self._next += 1
        self.timers[self._next] = CallLater(delay, func, *args, **kwargs)
        return self._next

    def addRepeatTimer(self, delay, func, *args, **kwargs):
        self._next += 1
        self.timers[self._next] = CallEvery(delay, func, *args, **kwargs)
        return self._next

    def delTimer(self, timerId):
        timer = self.timers.pop(timerId, None)
        if timer is not None:
            timer.cancel()

    def tick(self):
        for timerId in [t for t, timer in self.timers.items() if timer.expired]:
            self.timers.pop(timerId, None)

    def finish(self):
        for timerId in list(self.timers):
            self.delTimer(timerId)


timerManager = TimerManager()

_sb.api_module(__name__)
