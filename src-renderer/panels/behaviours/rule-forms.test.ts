import { describe, expect, it } from 'vitest';
import { argsToFields, fieldsToArgs, newRule, ruleKindsFor, summary } from './rule-forms';

describe('behaviours editor helpers', () => {
  it('offers RPC rules only to services and the master, HTTP only to the master', () => {
    expect(ruleKindsFor('lobby')).toEqual(['event']);
    expect(ruleKindsFor('service')).toEqual(['event', 'rpc']);
    expect(ruleKindsFor('master')).toEqual(['event', 'rpc', 'http']);
    expect(newRule('rpc', 'master', ['master_module'])).toMatchObject({ register: 'module', module: 'master_module' });
  });

  it('summarises rules', () => {
    expect(summary({ on: 'rpc', register: 'mod', method: 'Slow', respond: 'late', delayMs: 1500, response: {}, actions: [] })).toBe('rpc (type) Slow: respond late (1500 ms)');
    expect(summary({ on: 'event', namespace: 'a', systemName: 'b', event: 'E', priority: 0, actions: [{ call: 'NotifyToMaster', args: {}, delayMs: 0 }] })).toBe('on a/b E → NotifyToMaster');
  });

  it('round-trips arguments with templates', () => {
    const args = { targetId: { $ref: 'args.__id__' }, eventName: 'PlayerJoinOKEvent', eventData: { uid: { $ref: 'args.uid' } } };
    const fields = argsToFields('NotifyToClient', args);
    expect(fields.targetId).toBe('{"$ref":"args.__id__"}');
    expect(fieldsToArgs('NotifyToClient', fields)).toEqual({ ok: true, args });
    expect(fieldsToArgs('NotifyToServerNode', { targetId: 'x', eventName: 'E', eventData: '{}' })).toMatchObject({ ok: false, field: 'targetId' });
  });
});
