# -*- coding: utf-8 -*-
"""Running user code: an exception ends that call only and becomes a Failure of the command."""
import sys

from _switchboard import failure, state


def run_user(fn, args=(), kwargs=None, where=None):
    """Call fn; on an exception record a Failure (located at `where`'s code when no frame of user
    code is in the traceback; where=False: nowhere) and return None."""
    try:
        if kwargs:
            return fn(*args, **kwargs)
        return fn(*args)
    except BaseException:
        et, ev, tb = sys.exc_info()
        try:
            f = failure.make(et, ev, tb, fn if where is None else (where or None))
        finally:
            del tb
        add_failure(f)
        return None


def add_failure(f):
    fr = state.frame()
    if fr is None:
        return
    if fr.mod is not None:
        f['mod'] = fr.mod
    fr.errors.append(f)
