# -*- coding: utf-8 -*-
# The recorder mod against a fake Apollo API (tests/fake_apollo): what the engine receives, what
# the mod's handlers see, what the file says, and that a recorder failure never reaches the mod.
# Run with Python 2.7: python2.7 recorder/tests/test_recorder.py
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'fake_apollo'))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'switchboardRecorder', 'developer_mods', 'switchboardRecorderDev'))

import fakeengine  # noqa: E402
from switchboardRecorderScript import core, recorder  # noqa: E402

KEY = core.CORR_KEY


class Clock(object):
    def __init__(self, t=1767225600.0):
        self.t = t

    def __call__(self):
        self.t += 0.001
        return self.t


def fresh(family='server', **cfg):
    """A new server process: fresh fake classes, no recorder, then the recorder started."""
    import server._systems
    import server.extraServerApi
    import server.extraMasterApi
    import server.extraServiceApi
    import master.masterHttp
    import apolloCommon.commonNetgameApi
    import apolloCommon.redisPool
    for m in (server._systems, server.extraServerApi, server.extraMasterApi, server.extraServiceApi, master.masterHttp, apolloCommon.commonNetgameApi, apolloCommon.redisPool):
        reload(m)
    fakeengine.reset()
    core.current = None
    base = {'path': os.path.join(TMP[0], '{kind}-{serverId}.ndjson')}
    base.update(cfg)
    rec = recorder.start(family, raw_config=base, clock=Clock())
    return rec


def lines(rec):
    rec.flush()
    with open(rec.out.path) as f:
        return [json.loads(l) for l in f.read().splitlines() if l]


def events(rec):
    return [l for l in lines(rec) if 'kind' in l]


TMP = [None]


class RecorderTest(unittest.TestCase):
    def setUp(self):
        TMP[0] = tempfile.mkdtemp(prefix='sbrec-')
        fakeengine.SERVER_ID[0] = 4000
        fakeengine.SERVER_TYPE[0] = 'lobby'

    def tearDown(self):
        if core.current is not None:
            core.current.close()
        core.current = None
        shutil.rmtree(TMP[0], ignore_errors=True)

    def lobby(self, rec):
        import server.extraServerApi as serverApi
        cls = serverApi.GetServerSystemCls()

        class Lobby(cls):
            def __init__(self, namespace, systemName):
                cls.__init__(self, namespace, systemName)
                self.got = []

            def OnEvent(self, args):
                self.got.append(dict(args) if isinstance(args, dict) else args)

            def OnForward(self, args):
                self.NotifyToMaster('Forwarded', {'x': 1})

        return Lobby('lobbyNamespace', 'lobbySystem')

    # ---- header and identity -----------------------------------------------------------------

    def test_header_names_the_server(self):
        rec = fresh()
        first = lines(rec)[0]
        self.assertEqual(first['format'], 'switchboard-recording')
        self.assertEqual(first['version'], 1)
        self.assertEqual(first['server'], {'kind': 'lobby', 'serverId': 4000, 'type': 'lobby'})
        self.assertEqual(first['firstSeq'], 1)
        self.assertTrue(rec.out.path.endswith('lobby-4000.ndjson'))

    def test_service_identity_from_its_config(self):
        fakeengine.SERVER_ID[0] = 8000
        fakeengine.SERVICE_CONFIG[0] = {'type': 'idv_service', 'module_names': ['idv_service', 'rank']}
        rec = fresh('service')
        self.assertEqual(lines(rec)[0]['server'], {'kind': 'service', 'serverId': 8000, 'type': 'idv_service', 'modules': ['idv_service', 'rank']})

    def test_mod_json_override_and_bad_values(self):
        said = []
        orig = recorder._say
        recorder._say = said.append
        try:
            rec = fresh(server={'kind': 'game', 'type': 'battle'}, maxPayloadBytes='big')
        finally:
            recorder._say = orig
        self.assertEqual(lines(rec)[0]['server']['kind'], 'game')
        self.assertEqual(rec.max_payload, 4096)
        self.assertTrue(any('maxPayloadBytes' in s for s in said), said)

    def test_disabled_records_nothing_but_still_removes_keys(self):
        rec = fresh(enabled=False)
        self.assertFalse(rec.on)
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        lobby.NotifyToMaster('Hello', {'v': 1})
        self.assertEqual(fakeengine.engine.calls[-1], ('NotifyToMaster', ('Hello', {'v': 1})))
        fakeengine.engine.deliver('m', 's', 'E', {'v': 2, KEY: '1:x:1'})
        self.assertEqual(lobby.got, [{'v': 2}])
        self.assertFalse(os.path.exists(os.path.join(TMP[0], 'lobby-4000.ndjson')))

    def test_a_file_that_cannot_be_opened_records_nothing_but_still_removes_keys(self):
        blocker = os.path.join(TMP[0], 'file')
        open(blocker, 'w').close()
        rec = fresh(path=os.path.join(blocker, 'r.ndjson'))
        self.assertFalse(rec.on)
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        fakeengine.engine.deliver('m', 's', 'E', {'v': 2, KEY: '1:x:1'})
        self.assertEqual(lobby.got, [{'v': 2}])

    # ---- sends -------------------------------------------------------------------------------

    def test_dict_payload_carries_a_correlation_key_on_a_copy(self):
        rec = fresh()
        lobby = self.lobby(rec)
        data = {'uid': 1}
        lobby.NotifyToMaster('Hello', data)
        self.assertEqual(data, {'uid': 1})  # the mod's own dict is untouched
        api, args = fakeengine.engine.calls[-1]
        self.assertEqual(api, 'NotifyToMaster')
        self.assertEqual(args[1]['uid'], 1)
        corr = args[1][KEY]
        line = events(rec)[-1]
        self.assertEqual(line['kind'], 'send')
        self.assertEqual(line['api'], 'NotifyToMaster')
        self.assertEqual(line['event'], 'Hello')
        self.assertEqual(line['corr'], corr)
        self.assertEqual(corr, '4000:%s:%d' % (rec.boot, line['seq']))
        self.assertEqual(line['data'], {'uid': 1})
        self.assertEqual((line['ns'], line['sys']), ('lobbyNamespace', 'lobbySystem'))
        self.assertEqual(line['to'], {})

    def test_non_dict_payload_and_client_messages_carry_nothing(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.NotifyToServiceNode(8000, 'List', [1, 2])
        lobby.NotifyToClient('456', 'ToClient', {'a': 1})
        calls = fakeengine.engine.calls
        self.assertEqual(calls[0], ('NotifyToServiceNode', (8000, 'List', [1, 2])))
        self.assertEqual(calls[1], ('NotifyToClient', ('456', 'ToClient', {'a': 1})))
        sends = [l for l in events(rec) if l['kind'] == 'send']
        self.assertNotIn('corr', sends[0])
        self.assertEqual(sends[0]['to'], {'serverId': 8000})
        self.assertNotIn('corr', sends[1])
        self.assertEqual(sends[1]['to'], {'playerId': '456'})

    def test_keyword_payload_is_marked_too(self):
        rec = fresh()
        self.lobby(rec).NotifyToMaster('Hello', eventData={'k': 2})
        args = fakeengine.engine.calls[-1][1]
        self.assertEqual(args[1][0], 'eventData')
        self.assertIn(KEY, args[1][1])

    def test_correlate_off(self):
        rec = fresh(correlate=False)
        self.lobby(rec).NotifyToMaster('Hello', {'k': 2})
        self.assertEqual(fakeengine.engine.calls[-1][1], ('Hello', {'k': 2}))
        self.assertNotIn('corr', events(rec)[-1])

    def test_a_refused_call_raises_as_before_and_is_written_with_its_error(self):
        rec = fresh()
        lobby = self.lobby(rec)
        fakeengine.engine.fail_on.add('NotifyToMaster')
        with self.assertRaises(ValueError) as ctx:
            lobby.NotifyToMaster('Hello', {'k': 1})
        self.assertIn('refused', str(ctx.exception))
        self.assertEqual(events(rec)[-1]['error'], 'ValueError: NotifyToMaster refused')

    def test_big_payload_is_truncated_in_the_file_but_sent_whole(self):
        rec = fresh(maxPayloadBytes=64)
        big = {'text': 'x' * 500}
        self.lobby(rec).NotifyToMaster('Big', big)
        self.assertEqual(len(fakeengine.engine.calls[-1][1][1]['text']), 500)
        line = events(rec)[-1]
        self.assertNotIn('data', line)
        self.assertEqual(line['trunc']['bytes'], len(json.dumps(big, separators=(',', ':'))))
        self.assertTrue(line['trunc']['head'].startswith('{"text":"xxx'))

    def test_values_json_cannot_hold(self):
        rec = fresh()
        self.lobby(rec).NotifyToServiceNode(8000, 'Odd', {'obj': object(), 'nan': float('nan'), 'bytes': '\xff\xfe', (1, 2): 'tuple key'})
        data = events(rec)[-1]['data']
        self.assertIn('$repr', data['obj'])
        self.assertEqual(data['nan'], {'$repr': 'nan'})
        self.assertEqual(data['bytes'], u'\xff\xfe')
        self.assertEqual(data['(1, 2)'], 'tuple key')

    # ---- handlers ----------------------------------------------------------------------------

    def test_handler_never_sees_the_key_and_the_line_has_it(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('masterNamespace', 'masterSystem', 'Ack', lobby, lobby.OnEvent)
        fakeengine.engine.deliver('masterNamespace', 'masterSystem', 'Ack', {'uid': 5, KEY: '0:abc:7'})
        self.assertEqual(lobby.got, [{'uid': 5}])
        ev = events(rec)
        reg, handle = ev[-2], ev[-1]
        self.assertEqual(reg['kind'], 'register')
        self.assertEqual(reg['listen'], {'ns': 'masterNamespace', 'sys': 'masterSystem', 'event': 'Ack', 'priority': 0})
        self.assertEqual(handle['kind'], 'handle')
        self.assertEqual(handle['corr'], '0:abc:7')
        self.assertEqual(handle['from'], {'ns': 'masterNamespace', 'sys': 'masterSystem'})
        self.assertEqual(handle['data'], {'uid': 5})

    def test_listeners_sharing_one_delivery_share_its_key(self):
        rec = fresh()
        a, b = self.lobby(rec), self.lobby(rec)
        a.ListenForEvent('m', 's', 'E', a, a.OnEvent)
        b.ListenForEvent('m', 's', 'E', b, b.OnEvent)
        fakeengine.engine.deliver('m', 's', 'E', {'v': 1, KEY: '0:abc:9'})
        fakeengine.engine.deliver('m', 's', 'E', {'v': 2})
        fakeengine.engine.deliver('m', 's', 'E', {'v': 3})
        self.assertEqual(a.got, [{'v': 1}, {'v': 2}, {'v': 3}])
        self.assertEqual(b.got, a.got)
        handles = [l for l in events(rec) if l['kind'] == 'handle']
        self.assertEqual([h.get('corr') for h in handles[:2]], ['0:abc:9', '0:abc:9'])
        self.assertEqual([h.get('dlv') for h in handles[2:]], [1, 1, 2, 2])

    def test_sends_inside_a_handler_name_it_as_cause(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'Go', lobby, lobby.OnForward)
        fakeengine.engine.deliver('m', 's', 'Go', {})
        ev = events(rec)
        self.assertEqual(ev[-1]['kind'], 'send')
        self.assertEqual(ev[-1]['cause'], ev[-2]['seq'])
        self.assertEqual(ev[-2]['kind'], 'handle')

    def test_timers_and_queries_started_in_a_handler_carry_its_cause(self):
        rec = fresh()
        lobby = self.lobby(rec)
        import apolloCommon.commonNetgameApi as commonNetgameApi
        import apolloCommon.redisPool as redisPool
        got = []

        def later(n):
            lobby.NotifyToMaster('Later', {'n': n})

        def loaded(value):
            got.append(value)
            lobby.NotifyToMaster('Loaded', {'v': value})

        def on_go(args):
            commonNetgameApi.AddTimer(1, later, 7)
            redisPool.AsyncGet('k', loaded)
        lobby.ListenForEvent('m', 's', 'Go', lobby, on_go)
        commonNetgameApi.AddTimer(1, later, 0)  # outside any handler: no cause
        fakeengine.engine.deliver('m', 's', 'Go', {})
        for i in range(3):
            fakeengine.engine.fire(i)
        self.assertEqual(got, ['value-of-k'])
        ev = events(rec)
        handle = [l for l in ev if l['kind'] == 'handle'][0]
        sends = [l for l in ev if l['kind'] == 'send']
        self.assertEqual([(l['event'], l.get('cause')) for l in sends], [('Later', None), ('Later', handle['seq']), ('Loaded', handle['seq'])])
        self.assertEqual(sends[1]['data'], {'n': 7})

    def test_local_broadcast_events_are_not_messages(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('lobbyNamespace', 'lobbySystem', 'Local', lobby, lobby.OnForward)
        lobby.ListenForEvent('m', 's', 'Go', lobby, lambda args: lobby.BroadcastEvent('Local', {'x': 1}))
        fakeengine.engine.deliver('m', 's', 'Go', {})
        ev = [l for l in events(rec) if l['kind'] != 'register']
        # One handle (the message), and the send the local listener made, caused by that handle.
        self.assertEqual([(l['kind'], l.get('event'), l.get('cause')) for l in ev], [('handle', 'Go', None), ('send', 'Forwarded', ev[0]['seq'])])

    def test_a_handler_exception_reaches_the_engine_unchanged(self):
        rec = fresh()
        lobby = self.lobby(rec)

        def boom(args):
            raise KeyError('missing')
        lobby.ListenForEvent('m', 's', 'Boom', lobby, boom)
        with self.assertRaises(KeyError) as ctx:
            fakeengine.engine.deliver('m', 's', 'Boom', {})
        self.assertEqual(ctx.exception.args, ('missing',))
        tb = sys.exc_info()[2]
        ev = events(rec)
        self.assertEqual(ev[-1]['kind'], 'error')
        self.assertEqual(ev[-1]['error'], "KeyError: 'missing'")
        self.assertEqual(ev[-1]['cause'], ev[-2]['seq'])
        del tb

    def test_unlisten_removes_the_wrapped_handler(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        lobby.UnListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        self.assertEqual(fakeengine.engine.listeners, [])
        self.assertEqual(events(rec)[-1]['api'], 'UnListenForEvent')

    def test_listening_twice_registers_the_same_function(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        funcs = [l[2] for l in fakeengine.engine.listeners]
        self.assertEqual(len(funcs), 2)
        self.assertIs(funcs[0], funcs[1])

    def test_bound_handlers_stay_bound_to_their_instance(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)
        func = fakeengine.engine.listeners[0][2]
        self.assertIs(func.im_self, lobby)
        func.im_func(lobby, {'v': 1})  # an engine calling (function, instance) pairs
        self.assertEqual(lobby.got, [{'v': 1}])

    # ---- RPC ---------------------------------------------------------------------------------

    def test_request_callback_and_answer(self):
        rec = fresh()
        lobby = self.lobby(rec)
        got = []
        lobby.RequestToServiceMod('idv_service', 'Join', {'uid': 1}, lambda suc, data: got.append((suc, data)), 3)
        _api, args = fakeengine.engine.calls[-1]
        self.assertIn(KEY, args[2])
        self.assertEqual(args[4], 3)
        fakeengine.engine.answer(0, True, {'r': 1})
        self.assertEqual(got, [(True, {'r': 1})])
        req, cb = [l for l in events(rec) if l['kind'] in ('rpc-request', 'callback')]
        self.assertEqual((req['to'], req['timeout'], req['callback'], req['corr']), ({'type': 'idv_service'}, 3, True, args[2][KEY]))
        self.assertEqual((cb['req'], cb['suc'], cb['data']), (req['seq'], True, {'r': 1}))

    def test_request_without_callback_defaults(self):
        rec = fresh()
        self.lobby(rec).RequestToService('mod', 'Ping', {})
        req = events(rec)[-1]
        self.assertEqual((req['callback'], req['timeout'], req['to']), (False, 2, {'module': 'mod'}))

    def test_rpc_method_and_response(self):
        fakeengine.SERVER_ID[0] = 8000
        fakeengine.SERVICE_CONFIG[0] = {'type': 'idv_service'}
        rec = fresh('service')
        import server.extraServiceApi as serviceApi
        cls = serviceApi.GetServiceSystemCls()
        seen = []

        class Service(cls):
            def __init__(self, namespace, systemName):
                cls.__init__(self, namespace, systemName)
                self.RegisterRpcMethodForMod('Join', self.OnJoin)

            def OnJoin(self, serverId, callbackId, args):
                seen.append(dict(args))
                self.ResponseToServer(serverId, callbackId, {'ok': 1})

        Service('svcNs', 'svcSys')
        fakeengine.engine.request(None, 'Join', 4000, 7, {'uid': 1, KEY: '4000:b:3'})
        self.assertEqual(seen, [{'uid': 1}])
        self.assertEqual(fakeengine.engine.calls[-1], ('ResponseToServer', (4000, 7, {'ok': 1})))
        reg, handle, resp = events(rec)
        self.assertEqual((reg['api'], reg['method']), ('RegisterRpcMethodForMod', 'Join'))
        self.assertEqual((handle['kind'], handle['requester'], handle['callbackId'], handle['corr']), ('rpc-handle', 4000, 7, '4000:b:3'))
        self.assertEqual((resp['kind'], resp['to'], resp['callbackId'], resp['handle'], resp['cause']), ('rpc-response', {'serverId': 4000}, 7, handle['seq'], handle['seq']))
        self.assertNotIn('corr', resp)

    # ---- master HTTP -------------------------------------------------------------------------

    def test_master_http(self):
        rec = fresh('master')
        import server.extraMasterApi as masterApi
        import master.masterHttp as masterHttp
        cls = masterApi.GetMasterSystemCls()

        class Master(cls):
            def __init__(self, namespace, systemName):
                cls.__init__(self, namespace, systemName)
                masterHttp.RegisterMasterHttp('/api/x', self, self.OnX)

            def OnX(self, clientId, body):
                masterHttp.SendHttpResponse(clientId, '{"code":0}')

        Master('mNs', 'mSys')
        fakeengine.engine.post('/api/x', 3, '{"a":1}')
        self.assertEqual(fakeengine.engine.responses, [(3, '{"code":0}')])
        reg, req, resp = events(rec)
        self.assertEqual((reg['api'], reg['path'], reg['ns']), ('RegisterMasterHttp', '/api/x', 'mNs'))
        self.assertEqual((req['kind'], req['path'], req['clientId'], req['data']), ('http-request', '/api/x', 3, '{"a":1}'))
        self.assertEqual((resp['kind'], resp['req'], resp['path'], resp['cause'], resp['data']), ('http-response', req['seq'], '/api/x', req['seq'], '{"code":0}'))

    # ---- the file ----------------------------------------------------------------------------

    def test_seq_is_contiguous_and_lines_are_in_seq_order(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'Go', lobby, lobby.OnForward)
        for i in range(5):
            fakeengine.engine.deliver('m', 's', 'Go', {'i': i})
            lobby.NotifyToMaster('Tick', {'i': i})
        seqs = [l['seq'] for l in events(rec)]
        self.assertEqual(seqs, range(1, len(seqs) + 1))

    def test_rotation_keeps_two_files_and_continues_the_seq(self):
        rec = fresh(maxFileBytes=4096, rotate=True)
        lobby = self.lobby(rec)
        for i in range(100):
            lobby.NotifyToMaster('Tick', {'i': i})
        rec.flush()
        with open(rec.out.path + '.1') as f:
            older = [json.loads(l) for l in f.read().splitlines()]
        newer = lines(rec)
        self.assertEqual(newer[0]['format'], 'switchboard-recording')
        self.assertEqual(newer[0]['boot'], rec.boot)
        self.assertEqual(newer[0]['firstSeq'], newer[1]['seq'])
        self.assertEqual(older[-1]['seq'] + 1, newer[1]['seq'])
        self.assertEqual(newer[-1]['seq'], 100)
        self.assertLessEqual(os.path.getsize(rec.out.path), 4096)

    def test_size_cap_without_rotation_stops_with_a_line(self):
        rec = fresh(maxFileBytes=4096, rotate=False)
        lobby = self.lobby(rec)
        for i in range(100):
            lobby.NotifyToMaster('Tick', {'i': i})
        self.assertFalse(rec.on)
        last = lines(rec)[-1]
        self.assertEqual(last['kind'], 'stop')
        self.assertIn('size cap', last['reason'])
        self.assertEqual(len(fakeengine.engine.calls), 100)

    def test_flush_ms_batches_writes(self):
        rec = fresh(flushMs=1000)  # the test clock advances 1 ms per reading
        lobby = self.lobby(rec)
        writes = []
        real = rec.out.write
        rec.out.write = lambda lines, first: (writes.append(len(lines)), real(lines, first))
        for i in range(50):
            lobby.NotifyToMaster('Tick', {'i': i})
        self.assertEqual(writes, [])
        rec.close()
        self.assertEqual(sum(writes), 51)  # and the clean stop line
        with open(rec.out.path) as f:
            self.assertEqual(len(f.read().splitlines()), 52)

    def test_a_restart_appends_a_new_segment(self):
        rec = fresh()
        self.lobby(rec).NotifyToMaster('One', {})
        rec.close()
        rec2 = fresh()  # same path, a new boot
        self.lobby(rec2).NotifyToMaster('Two', {})
        all_lines = lines(rec2)
        headers = [l for l in all_lines if 'format' in l]
        self.assertEqual(len(headers), 2)
        self.assertEqual([(l['seq'], l['kind']) for l in all_lines if 'kind' in l], [(1, 'send'), (2, 'stop'), (1, 'send')])
        self.assertEqual(all_lines[2]['clean'], True)

    # ---- the kill switch ---------------------------------------------------------------------

    def test_a_recorder_failure_stops_recording_never_the_mod(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)

        def broken(*a, **kw):
            raise IOError('disk full')
        rec.out.write = broken
        lobby.NotifyToMaster('Hello', {'v': 1})  # the write fails after this call
        self.assertFalse(rec.on)
        self.assertEqual(fakeengine.engine.calls[-1][0], 'NotifyToMaster')
        lobby.NotifyToMaster('After', {'v': 2})
        self.assertEqual(fakeengine.engine.calls[-1], ('NotifyToMaster', ('After', {'v': 2})))
        # keys from other servers are still removed before the handler runs
        fakeengine.engine.deliver('m', 's', 'E', {'v': 3, KEY: '1:x:1'})
        self.assertEqual(lobby.got, [{'v': 3}])
        with open(rec.out.path) as f:
            last = json.loads(f.read().splitlines()[-1])
        self.assertEqual(last['kind'], 'stop')
        self.assertIn('disk full', last['reason'])

    def test_a_broken_clock_inside_a_handler_still_runs_the_handler(self):
        rec = fresh()
        lobby = self.lobby(rec)
        lobby.ListenForEvent('m', 's', 'E', lobby, lobby.OnEvent)

        def clock():
            raise RuntimeError('clock')
        rec.clock = clock
        fakeengine.engine.deliver('m', 's', 'E', {'v': 1, KEY: '1:x:1'})
        self.assertEqual(lobby.got, [{'v': 1}])
        self.assertFalse(rec.on)


if __name__ == '__main__':
    unittest.main()
