# -*- coding: utf-8 -*-
# A tiny stand-in for one Apollo server process, for the recorder's tests before (and beside) the
# real shim: system base classes with the documented messaging methods, which only remember what
# they were called with, and an engine that delivers to local listeners, RPC methods, callbacks
# and HTTP routes the way Apollo calls them (one dict shared by a node's listeners).
import time

SERVER_ID = [4000]
SERVER_TYPE = ['lobby']
SERVICE_CONFIG = [{}]
MOD_JSON = [None]
CLOCK = [None]


class Engine(object):
    def __init__(self):
        self.calls = []        # (api, args tuple as the engine received them)
        self.listeners = []    # [(key, instance, func, priority)]
        self.rpc = {}          # (module or None, method) -> func
        self.callbacks = []    # callbacks of requests, in order
        self.http = {}         # path -> func
        self.responses = []
        self.fail_on = set()   # api names that raise
        self.timers = []       # (func, args, kwargs) of timers and async callbacks, fired by fire()

    def call(self, api, args):
        if api in self.fail_on:
            raise ValueError('%s refused' % api)
        self.calls.append((api, args))

    def deliver(self, ns, sys_name, event, data):
        """Runs every listener of (ns, sys, event) with one shared payload object."""
        for key, _instance, func, _p in list(self.listeners):
            if key == (ns, sys_name, event):
                func(data)

    def request(self, module, method, server_id, callback_id, data):
        return self.rpc[(module, method)](server_id, callback_id, data)

    def answer(self, i, suc, data):
        return self.callbacks[i](suc, data)

    def fire(self, i):
        func, args, kwargs = self.timers[i]
        return func(*args, **kwargs)

    def post(self, path, client_id, body):
        return self.http[path](client_id, body)


engine = Engine()


def reset():
    global engine
    engine.__init__()


def now():
    return CLOCK[0]() if CLOCK[0] else time.time()
