import { describe, expect, it } from 'vitest';
import type { Issue } from './issues';
import { sampleProject } from './testing/sample-project';
import { validateProject } from './validate';

type Sample = ReturnType<typeof sampleProject>;

function check(edit: (p: Sample) => void): { errors: Issue[]; warnings: Issue[] } {
  const p = sampleProject();
  edit(p);
  const r = validateProject(p);
  return r.ok ? { errors: [], warnings: r.warnings } : r;
}
const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.code} ${i.path}`);

const nodeIndex = (p: Sample, id: string): number => p.nodes.findIndex((n) => n.id === id);
const rulesOf = (p: Sample, id: string): Record<string, unknown>[] =>
  (p.nodes[nodeIndex(p, id)].systems as { rules: Record<string, unknown>[] }[])[0].rules;
const steps = (p: Sample): Record<string, unknown>[] => p.scenarios![0].steps as Record<string, unknown>[];

describe('nodes (semantics §1)', () => {
  it('refuses a duplicate serverId, naming both nodes', () => {
    const { errors } = check((p) => { p.nodes[3].serverId = 1000; });
    expect(brief(errors)).toEqual(['node.duplicate-server-id $.nodes[3].serverId']);
    expect(errors[0].message).toBe('duplicate serverId 1000: used by lobby "lobby1" ($.nodes[2]) and game "game1" ($.nodes[3])');
  });

  it('refuses a duplicate node id', () => {
    expect(brief(check((p) => { p.nodes[3].id = 'lobby1'; }).errors)).toContain('node.duplicate-id $.nodes[3].id');
  });

  it('refuses a second master and a master whose serverId is not 0', () => {
    const { errors } = check((p) => { p.nodes.push({ id: 'm2', kind: 'master', serverId: 7 }); });
    expect(brief(errors)).toEqual(['node.second-master $.nodes[8].kind', 'node.master-server-id $.nodes[8].serverId']);
    expect(errors[0].message).toContain('master "master" ($.nodes[0]) is already the master');
  });

  it('requires serverId for servers and type for lobby/game/service', () => {
    const { errors } = check((p) => { delete p.nodes[1].serverId; delete p.nodes[2].type; delete p.nodes[4].type; });
    expect(brief(errors)).toEqual([
      'node.server-id-missing $.nodes[1].serverId', 'node.type-missing $.nodes[2].type', 'node.type-missing $.nodes[4].type',
      // c1 and c2 lose their proxy as a consequence
      'client.proxy-unknown $.nodes[6].proxy', 'client.proxy-unknown $.nodes[7].proxy',
    ]);
  });

  it('checks clients: uid, its proxy and the server it is bound to', () => {
    expect(brief(check((p) => { delete p.nodes[6].uid; }).errors)).toEqual(['client.uid-missing $.nodes[6].uid']);
    expect(brief(check((p) => { p.nodes[7].uid = 1; }).errors)).toEqual(['client.duplicate-uid $.nodes[7].uid']);
    expect(brief(check((p) => { delete p.nodes[6].proxy; }).errors)).toEqual(['client.proxy-missing $.nodes[6].proxy']);
    const notProxy = check((p) => { p.nodes[6].proxy = 8000; }).errors;
    expect(notProxy[0].message).toBe('proxy 8000 is service "svc" ($.nodes[4]), not a proxy');
    expect(brief(check((p) => { p.nodes[6].server = 8000; }).errors)).toEqual(['client.server-not-lobby-game $.nodes[6].server']);
    expect(brief(check((p) => { p.nodes[6].server = 4242; }).errors)).toEqual(['client.server-unknown $.nodes[6].server']);
  });

  it('warns about ignored fields, shared modules and types, services without modules, reused playerIds', () => {
    const { errors, warnings } = check((p) => {
      p.nodes[1].type = 'x';
      p.nodes.push({ id: 'svc2', kind: 'service', serverId: 8001, type: 'idv_service', moduleNames: ['idv'] });
      p.nodes.push({ id: 'svc3', kind: 'service', serverId: 8002, type: 'other' });
      p.nodes[7].playerId = 'p1';
    });
    expect(errors).toEqual([]);
    expect(brief(warnings)).toEqual([
      'node.field-ignored $.nodes[1].type',
      'client.duplicate-player-id $.nodes[7].playerId',
      'node.service-without-modules $.nodes[9].moduleNames',
      'ownership.shared-module $.nodes[8].moduleNames[0]',
      'ownership.shared-type $.nodes[8].type',
    ]);
    expect(warnings[3].message).toContain('options.rpcOwner ("lowest-id")');
  });
});

describe('links', () => {
  it('refuses endpoints that do not exist; warns on self and duplicate links', () => {
    const { errors, warnings } = check((p) => {
      p.links!.push({ a: 'c1', b: 'ghost' }, { a: 'proxy1', b: 'c1' }, { a: 'c2', b: 'c2' });
    });
    expect(brief(errors)).toEqual(['link.unknown-node $.links[1].b']);
    expect(brief(warnings)).toEqual(['link.duplicate $.links[2]', 'link.self $.links[3]']);
  });
});

describe('behaviour rules', () => {
  it('refuses calls to unknown interfaces (with a hint); a call the node kind lacks is a warning (a misuse at run time, §5)', () => {
    const { errors, warnings } = check((p) => {
      rulesOf(p, 'svc')[2].actions = [{ call: 'BroadcastToServerbytype', args: {} }, { call: 'NotifyToServer', args: {} }, { call: 'Teleport' }];
    });
    expect(brief(errors)).toEqual([
      'call.unknown-interface $.nodes[4].systems[0].rules[2].actions[0].call',
      'call.unknown-interface $.nodes[4].systems[0].rules[2].actions[2].call',
    ]);
    expect(brief(warnings)).toEqual(['call.not-callable $.nodes[4].systems[0].rules[2].actions[1].call']);
    expect(errors[0].message).toBe('unknown interface "BroadcastToServerbytype" (did you mean "BroadcastToServerByType"?)');
    expect(warnings[0].message).toBe('a service node cannot call NotifyToServer (callers: client); at run time this call is a misuse');
    expect(errors[1].message).toBe('unknown interface "Teleport"');
  });

  it('checks calls nested in onResult and refuses interfaces that take a function', () => {
    const { errors, warnings } = check((p) => {
      const action = (rulesOf(p, 'lobby-sys-host')[0].actions as { onResult: unknown[] }[])[0];
      action.onResult.push({ call: 'NotifyToClient', args: {} }, { call: 'RegisterRpcMethod', args: {} });
    });
    expect(brief(errors)).toEqual([]);
    expect(brief(warnings)).toEqual(['call.not-callable $.nodes[5].systems[0].rules[0].actions[0].onResult[2].call']);
  });

  it('warns about unknown arguments and an onResult that never runs', () => {
    const { warnings } = check((p) => {
      rulesOf(p, 'svc')[2].actions = [
        { call: 'NotifyToMaster', args: { eventname: 'x' }, onResult: [] },
        { call: 'RequestToServiceMod', args: { modname: 'idv_service', method: 'Ping', callback: false } },
      ];
    });
    expect(brief(warnings)).toEqual([
      'call.unknown-arg $.nodes[4].systems[0].rules[2].actions[0].args.eventname',
      'rule.on-result-ignored $.nodes[4].systems[0].rules[2].actions[0].onResult',
    ]);
  });

  it('refuses rpc and http rules on the wrong node kind', () => {
    const { errors } = check((p) => {
      rulesOf(p, 'lobby-sys-host').push(
        { on: 'rpc', register: 'mod', method: 'X' },
        { on: 'rpc', register: 'module', method: 'Y' },
        { on: 'http', path: '/x' },
      );
      rulesOf(p, 'svc').push({ on: 'rpc', register: 'module', method: 'Z' });
    });
    expect(brief(errors)).toEqual([
      'rule.rpc-module-missing $.nodes[4].systems[0].rules[3].module',
      'rule.rpc-mod-not-service $.nodes[5].systems[0].rules[1].register',
      'rule.rpc-module-kind $.nodes[5].systems[0].rules[2].register',
      'rule.rpc-module-missing $.nodes[5].systems[0].rules[2].module',
      'rule.http-not-master $.nodes[5].systems[0].rules[3].on',
    ]);
  });

  it('warns when a module handler is registered for a module the node does not own', () => {
    const { warnings } = check((p) => { rulesOf(p, 'svc')[0].module = 'other'; });
    expect(brief(warnings)).toEqual(['rule.rpc-module-not-owned $.nodes[4].systems[0].rules[0].module']);
  });
});

describe('scenarios', () => {
  it('refuses steps naming unknown nodes, non-clients, non-lobby servers and unknown systems', () => {
    const { errors } = check((p) => {
      steps(p).push(
        { at: 1, do: 'login', client: 'lobby1' },
        { at: 1, do: 'logout', client: 'nobody' },
        { at: 1, do: 'transfer', client: 'c1', server: 8000 },
        { at: 1, do: 'transfer', client: 'c1', type: 'nope' },
        { at: 1, do: 'transfer', client: 'c1' },
        { at: 1, do: 'call', node: 'c1', api: 'NotifyToMaster' },
        { at: 1, do: 'call', node: 'svc', api: 'NotifyToMaster', system: 'idv/Nope' },
        { at: 1, do: 'cut', a: 'c1', b: 'ghost' },
        { at: 1, do: 'stop', node: 'ghost' },
      );
    });
    expect(brief(errors)).toEqual([
      'scenario.not-a-client $.scenarios[0].steps[4].client',
      'scenario.unknown-node $.scenarios[0].steps[5].client',
      'scenario.server-not-lobby-game $.scenarios[0].steps[6].server',
      'scenario.unknown-type $.scenarios[0].steps[7].type',
      'scenario.transfer-target-missing $.scenarios[0].steps[8].server',
      'scenario.unknown-system $.scenarios[0].steps[10].system',
      'scenario.unknown-node $.scenarios[0].steps[11].b',
      'scenario.unknown-node $.scenarios[0].steps[12].node',
    ]);
    expect(errors[5].message).toContain('it has: idv/IdvService');
  });

  it('refuses duplicate scenario names and warns about steps after the end', () => {
    const { errors, warnings } = check((p) => {
      p.scenarios!.push({ name: 'main', durationMs: 5, steps: [{ at: 6, do: 'stop', node: 'svc' }] });
    });
    expect(brief(errors)).toEqual(['scenario.duplicate-name $.scenarios[1].name']);
    expect(brief(warnings)).toEqual(['scenario.step-after-end $.scenarios[1].steps[0].at']);
  });
});

describe('reachability warning', () => {
  it('warns about a lobby/game type nothing targets', () => {
    const { warnings } = check((p) => {
      p.nodes.push({ id: 'g9', kind: 'game', serverId: 1009, type: 'lonely' });
    });
    expect(brief(warnings)).toEqual(['reach.unreachable-type $.nodes[8].type']);
  });

  it('counts a transfer, a NotifyToServerNode target, a client placed there, or a server that acts as reaching a type', () => {
    for (const edit of [
      (p: Sample) => steps(p).push({ at: 1, do: 'call', node: 'g9', api: 'NotifyToMaster', args: { eventName: 'x' } }),
      (p: Sample) => { p.nodes[8].systems = [{ namespace: 'a', systemName: 'b', rules: [{ on: 'event', namespace: 'a', systemName: 'b', event: 'e' }] }]; },
      (p: Sample) => steps(p).push({ at: 1, do: 'transfer', client: 'c1', type: 'lonely' }),
      (p: Sample) => steps(p).push({ at: 1, do: 'call', node: 'master', api: 'NotifyToServerNode', args: { targetId: 1009 } }),
      (p: Sample) => p.nodes.push({ id: 'c3', kind: 'client', uid: 3, proxy: 2000, server: 1009 }),
      // Python mods on any server may transfer players or notify any server: nothing can be said statically.
      (p: Sample) => { p.nodes[0].mods = ['someMod']; },
    ]) {
      const { warnings } = check((p) => {
        p.nodes.push({ id: 'g9', kind: 'game', serverId: 1009, type: 'lonely' });
        edit(p);
      });
      expect(warnings).toEqual([]);
    }
  });

  it('says nothing when a broadcast target is computed at run time', () => {
    const { warnings } = check((p) => {
      p.nodes.push({ id: 'g9', kind: 'game', serverId: 1009, type: 'lonely' });
      rulesOf(p, 'svc')[2].actions = [{ call: 'BroadcastToServerByType', args: { serverType: { $ref: 'args.type' }, eventName: 'Go' } }];
    });
    expect(warnings).toEqual([]);
  });
});
