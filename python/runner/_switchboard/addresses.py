# -*- coding: utf-8 -*-
"""Memory addresses in text the engine records (log lines, Failures, $unsendable reprs) are
numbered in order of first appearance (`<Foo object at 0x3>`): the same run gives the same text on
any machine and from any folder, as the trace's byte-identity needs."""
import re

_ADDRESS = re.compile(r' at 0x[0-9a-fA-F]+')
_numbers = {}
LIMIT = 100000


def _number(match):
    addr = match.group(0)
    n = _numbers.get(addr)
    if n is None:
        if len(_numbers) >= LIMIT:
            return ' at 0x?'
        n = _numbers[addr] = len(_numbers) + 1
    return ' at 0x%x' % n


def scrub(text):
    if ' at 0x' not in text:
        return text
    return _ADDRESS.sub(_number, text)
