# -*- coding: utf-8 -*-
"""The runner's internals (python/PROTOCOL.md). Shim modules use them only through `api`."""
