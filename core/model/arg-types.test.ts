// Call arguments checked by type (issue 9 item 5): warnings naming the JSON path; a number JSON
// cannot hold as finite is an error at its exact path; integers beyond 2^53 keep every digit.
import { describe, expect, it } from 'vitest';
import { makeProject } from '../testing/topology';
import { validateProjectText } from './validate';

type Step = Record<string, unknown>;

function fileWith(steps: Step[], rawEdit: (text: string) => string = (t) => t): string {
  const p = makeProject({ games: 1 });
  const input = JSON.parse(JSON.stringify(p)) as { scenarios: unknown[] };
  input.scenarios = [{ name: 's', steps }];
  return rawEdit(JSON.stringify(input, null, 2));
}

const brief = (issues: { code: string; path: string }[]) => issues.map((i) => `${i.code} ${i.path}`);

describe('call arguments by type', () => {
  it('eventData that is not a dict, a str targetId, a bool timeout: warnings naming the path', () => {
    const r = validateProjectText(fileWith([
      { at: 1, do: 'call', node: 'lobby-4000', api: 'NotifyToMaster', args: { eventName: 'E', eventData: [1, 2] } },
      { at: 1, do: 'call', node: 'master', api: 'NotifyToServerNode', args: { targetId: '4000', eventName: 'E', eventData: {} } },
      { at: 1, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: { modname: 'idv_service', method: 'M', timeout: true } },
      { at: 1, do: 'call', node: 'lobby-4000', api: 'NotifyToClient', args: { targetId: { $ref: 'args.id' }, eventName: 'E' } },
    ]), 'p.switchboard.json');
    expect(r.ok).toBe(true);
    expect(brief(r.warnings)).toEqual([
      'call.non-dict-payload $.scenarios[0].steps[0].args.eventData',
      'call.arg-type $.scenarios[0].steps[1].args.targetId',
      'call.arg-type $.scenarios[0].steps[2].args.timeout',
    ]);
    expect(r.warnings[0].message).toBe('NotifyToMaster: eventData is documented as a dict, got a list ([1,2]); it is delivered unchanged and noted in the Problems view');
    expect(r.warnings[1].message).toBe('NotifyToServerNode: targetId must be an int, got a str ("4000"); at run time this call is a misuse');
    expect(r.warnings[2].message).toBe('RequestToServiceMod: timeout must be a positive number of seconds, got a bool (true); at run time this call is a misuse');
    expect(r.warnings[0].line).toBeGreaterThan(1);
  });

  it('1e999 is an error at its exact path, not its parent', () => {
    const text = fileWith([{ at: 1, do: 'call', node: 'lobby-4000', api: 'NotifyToMaster', args: { eventName: 'E', eventData: { items: [1, 2, 3, '@INF@'] } } }], (t) => t.replace('"@INF@"', '1e999'));
    const r = validateProjectText(text, 'p.switchboard.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(brief(r.errors)).toEqual(['json.number-too-large $.scenarios[0].steps[0].args.eventData.items[3]']);
    expect(text.split('\n')[r.errors[0].line! - 1]).toContain('1e999');
  });

  it('a 19-digit integer in a payload keeps every digit through validation', () => {
    const text = fileWith([{ at: 1, do: 'call', node: 'lobby-4000', api: 'NotifyToMaster', args: { eventName: 'E', eventData: { uid: '@BIG@' } } }], (t) => t.replace('"@BIG@"', '1234567890123456789'));
    const r = validateProjectText(text, 'p.switchboard.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const step = r.project.scenarios[0].steps[0] as unknown as { args: { eventData: { uid: unknown } } };
    expect(step.args.eventData.uid).toBe(1234567890123456789n);
  });
});
