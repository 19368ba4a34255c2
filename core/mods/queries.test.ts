// The engine's answers to Python mods' `call`s, read from a running simulation's state.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { makeProject } from '../testing/topology';
import { answerQuery, QUERY_NAMES } from './queries';

function sim() {
  const project = makeProject({ proxies: 2, lobbies: 1, games: 2, clients: 3, services: [{ serverId: 8000, type: 'idv_service', modules: ['idv_service', 'mail'] }] });
  project.nodes.find((n) => n.id === 'lobby-4000')!.mods = ['mods/neteaseAnnounce/', 'mods/myLobby'];
  const s = new Simulation(project, { seed: 1 });
  const node = (id: string) => s.engine.topo.byId.get(id)!;
  const ask = (id: string, api: string, ...args: unknown[]) => answerQuery(s.engine, node(id), api, args);
  return { s, node, ask };
}

describe('answerQuery', () => {
  it('answers identity and the players on a lobby', () => {
    const { ask, node } = sim();
    expect(ask('lobby-4000', 'GetServerId')).toEqual({ value: 4000 });
    expect(ask('game-5000', 'GetServerType')).toEqual({ value: 'battle_game_server_type' });
    expect(ask('master', 'GetServerType')).toEqual({ value: 'master' });
    const players = ask('lobby-4000', 'GetPlayerList') as { value: string[] };
    expect(players.value).toHaveLength(3);
    const first = node('client-1');
    expect(players.value).toContain(first.playerId);
    expect(ask('lobby-4000', 'GetOnlinePlayerNum')).toEqual({ value: 3 });
    expect(ask('lobby-4000', 'GetPlayerUid', first.playerId)).toEqual({ value: 101 });
    expect(ask('lobby-4000', 'GetPlayerUid', 'nobody')).toEqual({ value: null });
    expect(ask('lobby-4000', 'GetPlayerIdByUid', 101)).toEqual({ value: first.playerId });
    expect(ask('game-5000', 'GetPlayerIdByUid', 101)).toEqual({ value: '' });
    expect(ask('lobby-4000', 'GetConnectingProxyIdOfPlayer', first.playerId)).toEqual({ value: 2000 });
    expect(ask('lobby-4000', 'GetPlayerNickname', first.playerId)).toEqual({ value: 'client-1' });
    expect(ask('client-1', 'GetLocalPlayerId')).toEqual({ value: first.playerId });
  });

  it('follows logouts, transfers and stopped servers', () => {
    const { s, ask, node } = sim();
    s.life.logout(node('client-2'));
    expect(ask('master', 'GetServerIdByUid', 102)).toEqual({ value: null });
    expect(ask('service-8000', 'GetOnlineServerInfoOfPlayer', 102)).toEqual({ value: { uid: 102, serverId: null, proxyId: null } });
    expect(ask('service-8000', 'GetOnlineServerInfoOfPlayer', 101)).toEqual({ value: { uid: 101, serverId: 4000, proxyId: 2000 } });
    expect(ask('master', 'GetOnlineUidList')).toEqual({ value: [101, 103] });
    s.life.transfer(node('client-1'), 5001);
    expect(ask('master', 'GetServerIdByUid', 101)).toEqual({ value: null }); // between servers
    expect(ask('service-8000', 'GetOnlineServerInfoOfMultiPlayers', [101, 999])).toEqual({
      value: [{ uid: 101, serverId: null, proxyId: 2000 }, { uid: 999, serverId: null, proxyId: null }],
    });
    s.runUntil(1000);
    expect(ask('master', 'GetServerIdByUid', 101)).toEqual({ value: 5001 });
    expect(ask('master', 'GetOnlineNumByServerId', 5001)).toEqual({ value: 1 });
    expect(ask('master', 'GetOnlineNumByServerType', 'battle_game_server_type')).toEqual({ value: 1 });
    expect(ask('master', 'GetTotalOnlineNum')).toEqual({ value: 2 });
    expect(ask('master', 'GetOnlineNumByServerId', 2000)).toEqual({ value: 2 }); // clients 1 and 3 are attached to proxy 2000
    s.life.stop(node('game-5000'));
    expect(ask('master', 'GetConnectedLobbyAndGameIds')).toEqual({ value: [4000, 5001] });
    expect(ask('master', 'GetOneServerStatus', 5000)).toEqual({ value: 1 });
    expect(ask('master', 'GetOneServerStatus', 5001)).toEqual({ value: 2 });
    expect(ask('master', 'GetAllServerStatus')).toEqual({ value: { 2000: 2, 2001: 2, 4000: 2, 5000: 1, 5001: 2 } });
    expect(ask('service-8000', 'GetServersStatus')).toEqual({ value: { 4000: 1, 5000: 4, 5001: 1 } });
    expect(ask('master', 'IsConnectedServer', 5000)).toEqual({ value: false });
    expect(ask('lobby-4000', 'IsServiceConnected', 8000)).toEqual({ value: true });
    expect(ask('lobby-4000', 'CheckMasterExist')).toEqual({ value: true });
  });

  it('answers configuration and server types', () => {
    const { ask } = sim();
    expect(ask('service-8000', 'GetServiceConfig')).toEqual({
      value: { serverid: 8000, type: 'idv_service', app_type: 'service', ip: '127.0.0.1', mods: '', module_names: ['idv_service', 'mail'] },
    });
    const conf = (ask('lobby-4000', 'GetCommonConfig') as { value: Record<string, any> }).value;
    expect(conf.serverlist.map((s: any) => s.serverid)).toEqual([2000, 2001, 4000, 5000, 5001]);
    expect(conf.serverlist.find((s: any) => s.serverid === 4000)).toMatchObject({ type: 'lobby', app_type: 'lobby', mods: 'neteaseAnnounce,myLobby' });
    expect(conf.servicelist.map((s: any) => s.serverid)).toEqual([8000]);
    expect(conf.master).toMatchObject({ serverid: 0, type: 'master' });
    expect(ask('master', 'GetServerIdsByGameType', 'battle_game_server_type')).toEqual({ value: [5000, 5001] });
    expect(ask('service-8000', 'GetServerIdsByServerType', 'nothing')).toEqual({ value: [] });
    expect(ask('master', 'GetGameTypeByServerId', 4000)).toEqual({ value: 'lobby' });
    expect(ask('master', 'GetGameTypeByServerId', 8000)).toEqual({ value: null });
    expect(ask('service-8000', 'GetServerType', 8000)).toEqual({ value: 'idv_service' });
    expect(ask('service-8000', 'GetServerType', 1)).toEqual({ value: '' });
    expect(ask('master', 'IsService', 8000)).toEqual({ value: true });
    expect(ask('master', 'IsService', 4000)).toEqual({ value: false });
    expect(ask('master', 'GetServerLoadedModsById', 4000)).toEqual({ value: ['neteaseAnnounce', 'myLobby'] });
    expect(ask('master', 'GetServerLoadedModsByType', 'lobby')).toEqual({ value: ['neteaseAnnounce', 'myLobby'] });
  });

  it('refuses names it does not know, and never treats prototype keys as queries', () => {
    const { ask } = sim();
    expect(ask('lobby-4000', 'SetCityMode', true)).toEqual({ error: 'SetCityMode is not simulated' });
    expect(ask('lobby-4000', 'constructor')).toEqual({ error: 'constructor is not simulated' });
    expect(ask('lobby-4000', '__proto__')).toEqual({ error: '__proto__ is not simulated' });
    expect(QUERY_NAMES).toContain('GetPlayerUid');
  });

  it('takes uids sent as bigint (Python longs) and ignores arguments of the wrong type', () => {
    const { ask } = sim();
    expect(ask('master', 'GetServerIdByUid', 101n)).toEqual({ value: 4000 });
    expect(ask('master', 'GetServerIdByUid', '101')).toEqual({ value: null });
    expect(ask('lobby-4000', 'GetPlayerUid', 5)).toEqual({ value: null });
  });
});
