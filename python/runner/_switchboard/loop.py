# -*- coding: utf-8 -*-
"""The protocol loop: read a command, run it, repeat until `exit` or the end of input."""
import os

from _switchboard import aliases, capture, channel, commands, determinism, failure, wire


def run(fd_in, fd_out, runner_dir, shim_dir):
    channel.open_pipes(fd_in, fd_out)
    failure.set_internal_dirs([runner_dir, shim_dir])
    capture.install()
    determinism.install()
    aliases.install(determinism.patch_uuid)
    while True:
        try:
            line = channel.read_line()
        except channel.ProtocolError as e:
            channel.fatal(str(e))
        if line is None:
            channel.flush()
            os._exit(0)
        if not line.strip():
            continue
        try:
            msg = wire.decode(line)
        except ValueError:
            msg = None
        if not isinstance(msg, dict):
            channel.fatal('a line that is not a JSON object: %r' % line[:200])
        commands.run(msg)
