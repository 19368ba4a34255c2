# -*- coding: utf-8 -*-
"""The virtual clock and the seeded generator (PROTOCOL.md "Clock and determinism"): mod code never
reads the wall clock or the OS's entropy. time.time() = (epochMs + now) / 1000 of the engine's
virtual clock; random, random.SystemRandom, os.urandom and uuid draw from `random`'s generator,
seeded per node at `load`. time.sleep returns at once and threads never start (both are stubs)."""
import datetime as _datetime_mod
import os
import random
import sys
import thread
import threading
import time

from _switchboard import messages

_real_time = time.time
_real_localtime = time.localtime
_real_gmtime = time.gmtime
_real_strftime = time.strftime
_real_asctime = time.asctime
_real_ctime = time.ctime
_inst = random._inst

clock = {'epoch_ms': 0, 'now_ms': 0}


def now_seconds():
    return (clock['epoch_ms'] + clock['now_ms']) / 1000.0


def v_time():
    return (clock['epoch_ms'] + clock['now_ms']) / 1000.0


def v_clock():
    return clock['now_ms'] / 1000.0


def v_localtime(secs=None):
    return _real_localtime(now_seconds() if secs is None else secs)


def v_gmtime(secs=None):
    return _real_gmtime(now_seconds() if secs is None else secs)


def v_strftime(fmt, *t):
    if t:
        return _real_strftime(fmt, *t)
    return _real_strftime(fmt, _real_localtime(now_seconds()))


def v_asctime(*t):
    if t:
        return _real_asctime(*t)
    return _real_asctime(_real_localtime(now_seconds()))


def v_ctime(secs=None):
    return _real_ctime(now_seconds() if secs is None else secs)


def v_sleep(seconds):
    messages.stub('time.sleep')


def v_urandom(n):
    n = int(n)
    if n <= 0:
        return ''
    return ('%0*x' % (2 * n, _inst.getrandbits(8 * n))).decode('hex')


class SystemRandom(random.Random):
    """random.SystemRandom drawing from the node's seeded generator."""

    def random(self):
        return _inst.random()

    def getrandbits(self, k):
        return _inst.getrandbits(k)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')
    getstate = setstate = jumpahead = _notimplemented


# datetime: subclasses whose now()/today() read the virtual clock; isinstance() keeps working for
# the real types (values computed by arithmetic are real datetime objects).
_real_date = _datetime_mod.date
_real_datetime = _datetime_mod.datetime


class _DateMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _real_date)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _real_date)


class _DatetimeMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _real_datetime)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _real_datetime)


class date(_real_date):
    __metaclass__ = _DateMeta

    @classmethod
    def today(cls):
        return _real_date.fromtimestamp(now_seconds())


class datetime(_real_datetime):
    __metaclass__ = _DatetimeMeta

    @classmethod
    def now(cls, tz=None):
        if tz is None:
            return _real_datetime.fromtimestamp(now_seconds())
        return _real_datetime.fromtimestamp(now_seconds(), tz)

    @classmethod
    def utcnow(cls):
        return _real_datetime.utcfromtimestamp(now_seconds())

    @classmethod
    def today(cls):
        return _real_datetime.fromtimestamp(now_seconds())


def _thread_start(self):
    messages.stub('threading.Thread.start')


def _start_new_thread(function, args, kwargs=None):
    messages.stub('thread.start_new_thread')
    return 0


# uuid: patched when a mod first imports it (importing uuid runs `ldconfig`, too slow for every node).
_uuid_state = {'last': None}


def _getnode():
    return _inst.getrandbits(48) | 0x010000000000  # multicast bit: not a real MAC (RFC 4122 4.5)


def patch_uuid(uuid):
    def uuid4():
        return uuid.UUID(bytes=v_urandom(16), version=4)

    def uuid1(node=None, clock_seq=None):
        nanoseconds = int(now_seconds() * 1e9)
        timestamp = int(nanoseconds // 100) + 0x01b21dd213814000L
        last = _uuid_state['last']
        if last is not None and timestamp <= last:
            timestamp = last + 1
        _uuid_state['last'] = timestamp
        if clock_seq is None:
            clock_seq = _inst.getrandbits(14)
        time_low = timestamp & 0xffffffffL
        time_mid = (timestamp >> 32L) & 0xffffL
        time_hi_version = (timestamp >> 48L) & 0x0fffL
        clock_seq_low = clock_seq & 0xffL
        clock_seq_hi_variant = (clock_seq >> 8L) & 0x3fL
        if node is None:
            node = getnode()
        return uuid.UUID(fields=(time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node), version=1)

    node_cache = []

    def getnode():
        if not node_cache:
            node_cache.append(_getnode())
        return node_cache[0]

    uuid.uuid4 = uuid4
    uuid.uuid1 = uuid1
    uuid.getnode = getnode
    uuid._uuid_generate_random = None
    uuid._uuid_generate_time = None


def install():
    os.environ['TZ'] = 'UTC'
    time.tzset()
    time.time = v_time
    time.clock = v_clock
    time.localtime = v_localtime
    time.gmtime = v_gmtime
    time.strftime = v_strftime
    time.asctime = v_asctime
    time.ctime = v_ctime
    time.sleep = v_sleep
    os.urandom = v_urandom
    random._urandom = v_urandom
    random.SystemRandom = SystemRandom
    _datetime_mod.date = date
    _datetime_mod.datetime = datetime
    threading.Thread.start = _thread_start
    thread.start_new_thread = _start_new_thread
    thread.start_new = _start_new_thread
    if 'uuid' in sys.modules:
        patch_uuid(sys.modules['uuid'])


def seed(value):
    random.seed(value)
