import { describe, expect, it } from 'vitest';
import { Project } from '../../../core/model/schema';
import quickstartJson from '../../../fixtures/projects/quickstart.switchboard.json';
import { argsToValues, choicesFor, fireableFor, formParams, initialValues, toArgs } from './pick-options';

const q = Project.parse(quickstartJson);
const lobby = q.nodes.find((n) => n.id === 'lobby-4000');

describe('fire panel: choices and typed fields', () => {
  it('offers only what a kind may fire', () => {
    expect(fireableFor('client')).toEqual(['NotifyToServer', 'NotifyToServiceNode']);
    expect(fireableFor('lobby')).toContain('RequestToServiceMod');
    expect(fireableFor('lobby')).not.toContain('BroadcastToServerByType');
    expect(fireableFor('lobby')).not.toContain('ListenForEvent');
  });

  it('fills dropdowns with valid targets', () => {
    expect(choicesFor('serviceType', q, lobby, {})?.map((c) => c.value)).toEqual(['idv_service', 'rank_service']);
    expect(choicesFor('serviceId', q, lobby, {})?.map((c) => c.value)).toEqual(['8000', '8001']);
    expect(choicesFor('lobbyGameId', q, lobby, {})?.map((c) => c.value)).toEqual(['4000', '5000', '5001']);
    expect(choicesFor('module', q, lobby, {})?.map((c) => c.value)).toContain('master_module');
    const live = { 'client-1': { server: 4000, playerId: '456' }, 'client-4': { server: null, playerId: null } };
    expect(choicesFor('playerId', q, lobby, live)?.map((c) => c.value)).toEqual(['456']);
    expect(choicesFor(undefined, q, lobby, {})).toBeUndefined();
  });

  it('turns form text into typed arguments and names the bad field', () => {
    expect(formParams('RequestToServiceMod').map((p) => p.name)).toEqual(['modname', 'method', 'args', 'callback', 'timeout']);
    const v = { ...initialValues('RequestToServiceMod'), modname: 'idv_service', method: 'PlayerJoinOKEvent', args: '{"uid": 1}' };
    expect(toArgs('RequestToServiceMod', v)).toEqual({ ok: true, args: { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: { uid: 1 }, timeout: 2 } });
    expect(toArgs('RequestToServiceMod', { ...v, callback: false })).toMatchObject({ ok: true, args: { callback: false } });
    expect(toArgs('RequestToServiceMod', { ...v, args: '[1]' })).toMatchObject({ ok: false, field: 'args' });
    expect(toArgs('NotifyToServerNode', { targetId: '4000.5', eventName: 'E', eventData: '{}' })).toMatchObject({ ok: false, field: 'targetId' });
    expect(toArgs('NotifyToServerNode', { targetId: '', eventName: 'E', eventData: '{}' })).toMatchObject({ ok: false, field: 'targetId', message: 'required' });
  });

  it('turns stored arguments back into form text, round-tripping through toArgs', () => {
    const args = { modname: 'idv_service', method: 'M', args: { uid: 1 }, timeout: 0.5 };
    const v = argsToValues('RequestToServiceMod', args);
    expect(v).toEqual({ modname: 'idv_service', method: 'M', args: '{"uid":1}', callback: true, timeout: '0.5' });
    expect(toArgs('RequestToServiceMod', v)).toEqual({ ok: true, args });
    expect(argsToValues('RequestToServiceMod', { ...args, callback: false }).callback).toBe(false);
    const n = argsToValues('NotifyToServerNode', { targetId: 4000, eventName: 'E' });
    expect(n).toMatchObject({ targetId: '4000', eventName: 'E', eventData: '{}' });
  });
});
