# -*- coding: utf-8 -*-
"""service.asyncore_with_timer: the engine's timer scheduler official plugins' own timermanager.py
builds on (CallLater / CallEvery). Runs on the virtual clock: scheduler() has nothing to do."""
import _switchboard.api as _sb


class CallLater(object):
    """target(*args, **kwargs) once after `seconds` (`_errback` in kwargs: called with the exception)."""
    _repeat = False

    def __init__(self, seconds, target, *args, **kwargs):
        self._delay = seconds
        self._target = target
        self._errback = kwargs.pop('_errback', None)
        self._args = args
        self._kwargs = kwargs
        self.cancelled = False
        self.expired = False
        self._timer = _sb.add_timer(seconds, self._fire, (), None, self._repeat)

    def _fire(self):
        if not self._repeat:
            self.expired = True
        try:
            self._target(*self._args, **self._kwargs)
        except Exception as e:
            if self._errback is None:
                raise
            self._errback(e)

    def reset(self):
        _sb.cancel_timer(self._timer)
        self.expired = False
        self._timer = _sb.add_timer(self._delay, self._fire, (), None, self._repeat)

    def cancel(self):
        if not self.cancelled:
            self.cancelled = True
            self.expired = True
            _sb.cancel_timer(self._timer)


class CallEvery(CallLater):
    """target(*args, **kwargs) every `seconds` until cancel()."""
    _repeat = True


def scheduler():
    pass


def close_all(*args, **kwargs):
    pass


_sb.api_module(__name__)
