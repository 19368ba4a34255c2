# -*- coding: utf-8 -*-
"""Switchboard's mod runner: one CPython 2.7 process hosting the Apollo mods of one simulated node
(or of every simulated client), in lockstep with the engine over python/PROTOCOL.md.

Started as `python2.7 -u -B python/runner/switchboard_runner.py`. Before anything can print, the
protocol takes private copies of fd 0 and fd 1; fd 1 then points at fd 2 and fd 0 at /dev/null,
so nothing a mod writes or reads (print, os.write(1, ...), raw_input) can touch the protocol.
"""
import os
import sys


def _main():
    here = os.path.dirname(os.path.abspath(__file__))
    shim = os.path.join(os.path.dirname(here), 'shim')
    proto_in = os.dup(0)
    proto_out = os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    # Apollo module names first, then the runner's own package; mod folders are added at `load`.
    sys.path[:] = [shim, here] + [p for p in sys.path if p not in ('', here, shim)]
    from _switchboard import loop
    loop.run(proto_in, proto_out, here, shim)


if __name__ == '__main__':
    _main()
