// Every Python example of the reference (fixtures/apollo/reference, written by its generate.ts),
// run unmodified on real Python 2.7 through the mod runtime, with the outcome the reference
// documents: what each side prints, who hears a broadcast, what a callback receives.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/engine/simulation';
import { validateProjectText } from '../../core/model/validate';
import type { TraceEvent } from '../../core/trace/event';
import { EXAMPLE_NAMES } from '../../fixtures/apollo/reference/generate';
import { PythonModHost } from './python-host';
import { pythonForTests } from './testing/python';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/apollo/reference');
const PLAYER = "{'uid': 123, 'name': 'nickname'}";

pythonForTests();

function runExample(name: string): TraceEvent[] {
  const dir = path.join(ROOT, name);
  const r = validateProjectText(fs.readFileSync(path.join(dir, `${name}.switchboard.json`), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const sim = new Simulation(r.project, { scenario: 'example', mods: new PythonModHost({ projectDir: dir }) });
  try {
    sim.runScenario();
  } finally {
    sim.close();
  }
  return sim.trace.slice(0);
}

/** Every print, as `node: text`, in trace order. */
function prints(events: TraceEvent[]): string[] {
  return events.filter((e) => e.type === 'log' && e.detail === 'print').map((e) => `${e.to}: ${String(e.data)}`);
}

const rpcCallback = (who: string) => [`service-8000: OnPlayerJoinOK ${PLAYER}`, `${who}: OnCallback success {'result': 1}`];

/** What each example prints, per the reference's comments ("args result is: ..."). */
const EXPECTED: Record<string, string[] | ((p: string[]) => void)> = {
  'notify-to-client': [`client-123: OnPlayerJoinOK ${PLAYER}`],
  'notify-to-server': (p) => {
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^lobby-4000: OnPlayerJoin \{/);
    for (const part of ["'uid': 123", "'name': 'nickname'", "'__id__': '456'"]) expect(p[0]).toContain(part);
  },
  'lobby-notify-to-master': [`master: OnPlayerJoinOK ${PLAYER}`],
  'master-notify-to-server-node': [`lobby-4000: OnPlayerJoin ${PLAYER}`],
  'master-broadcast-to-service': ["service-8000: OnMasterBroadcastEvent {'notice': 'maintenance at 22:00'}", "service-8001: OnMasterBroadcastEvent {'notice': 'maintenance at 22:00'}"],
  'master-notify-to-service-node': ["service-8000: OnMasterEvent {'notice': 'maintenance at 22:00'}"],
  'master-register-rpc-method': rpcCallback('master'),
  'master-request-to-service': rpcCallback('master'),
  'master-register-rpc-method-for-mod': rpcCallback('master'),
  'master-request-to-service-mod': rpcCallback('master'),
  'master-response-to-server': rpcCallback('master'),
  'service-request-to-master': [`master: OnRequestMaster ${PLAYER}`, "service-8000: OnCallbackFromMaster success {'result': 'hello'}"],
  'service-notify-to-master': [`master: OnServiceEvent ${PLAYER}`],
  'service-broadcast-to-server-by-type': [`game-5000: OnPlayerJoin ${PLAYER}`, `game-5001: OnPlayerJoin ${PLAYER}`],
  'lobby-broadcast-to-service': (p) => {
    expect(p.filter((l) => l.includes('OnServerBroadcastEvent'))).toEqual([`service-8000: OnServerBroadcastEvent ${PLAYER}`, `service-8001: OnServerBroadcastEvent ${PLAYER}`]);
    // Each service re-broadcasts; a service's broadcast reaches itself too (broadcastIncludesSender).
    expect(p.filter((l) => l.includes('OnServiceBroadcastEvent')).sort()).toEqual([
      `service-8000: OnServiceBroadcastEvent ${PLAYER}`, `service-8000: OnServiceBroadcastEvent ${PLAYER}`,
      `service-8001: OnServiceBroadcastEvent ${PLAYER}`, `service-8001: OnServiceBroadcastEvent ${PLAYER}`,
    ]);
  },
  'service-notify-to-server-node': [`lobby-4000: OnPlayerJoin ${PLAYER}`],
  'lobby-notify-to-service-node': [`service-8000: OnServerEvent ${PLAYER}`, `service-8001: OnServiceEvent ${PLAYER}`],
  'lobby-register-rpc-method': [`service-8000: OnPlayerJoinOK ${PLAYER}`],
  'lobby-request-to-service': [`service-8000: OnPlayerJoinOK ${PLAYER}`],
  'lobby-register-rpc-method-for-mod': rpcCallback('lobby-4000'),
  'lobby-request-to-service-mod': rpcCallback('lobby-4000'),
  'lobby-response-to-server': rpcCallback('lobby-4000'),
  'client-notify-to-service-node': (p) => {
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^service-8000: OnClientToService \{/);
    for (const part of ["'__neteaseProxyId__': 2000", "'__uid__': 123", "'name': 'nickname'"]) expect(p[0]).toContain(part);
  },
  'service-remote-notify-to-client': [`client-123: OnServiceToClient ${PLAYER}`],
};

describe('the reference\'s Python examples, run unmodified', () => {
  it('covers every example the generator writes', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...EXAMPLE_NAMES].sort());
  });

  for (const name of EXAMPLE_NAMES) {
    it(name, () => {
      const events = runExample(name);
      const problems = events.filter((e) => e.type === 'error' || e.type === 'misuse').map((e) => `${e.type} on ${e.to ?? e.from}: ${e.reason}`);
      expect(problems).toEqual([]);
      const expected = EXPECTED[name];
      const p = prints(events);
      if (typeof expected === 'function') expected(p);
      else expect(p).toEqual(expected);
    });
  }

  it('the HTTP examples answer the POST with the body the master built', () => {
    const events = runExample('master-broadcast-to-service');
    const response = events.find((e) => e.type === 'http' && e.detail === 'response');
    expect(JSON.parse(String(response?.data))).toEqual({ code: 0, message: 'success', entity: {} });
  });

  it('a request sent without callback completes once the service handled it', () => {
    const events = runExample('lobby-request-to-service');
    const states = events.filter((e) => e.type === 'rpc').map((e) => e.rpc?.state);
    expect(states.at(-1)).toBe('completed');
    expect(events.filter((e) => e.type === 'callback')).toEqual([]);
  });
});
