// A host on the real engine with a temp config dir and a client that records pushes. The client
// serializes every push the way the WebSocket does (JSON), so a push that cannot travel fails here
// as it would in a real window.
import type { PushMessage } from '../../../core/contract';
import { dispatch } from '../dispatch';
import { Host, type Dialogs, type HostOptions } from '../host';
import { createSimulation } from '../simulation-factory';
import { tempDir } from './fixtures';

export function testHost(opts: { configDir?: string; dialogs?: Dialogs; apolloDir?: string; python?: string; record?: boolean; host?: Partial<HostOptions> } = {}) {
  const configDir = opts.configDir ?? tempDir('sb-config-');
  let now = 0;
  // Any file by default (tests open fixtures directly); web mode's own policy is tested with `host: { fileAccess: 'chosen' }`.
  const host = new Host({ mode: 'web', version: 'test', configDir, createSimulation, dialogs: opts.dialogs, apolloDir: opts.apolloDir, python: opts.python, clock: () => now, record: opts.record ?? false, fileAccess: 'any', ...opts.host });
  const pushes: PushMessage[] = [];
  const { id } = host.attach({ send: (m) => pushes.push(JSON.parse(JSON.stringify(m)) as PushMessage) });
  const call = (method: string, params: unknown = {}) => dispatch(host, method, params, { clientId: id });
  /** Advance the fake wall clock by `ms` in 16 ms ticks. */
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 16) {
      now += 16;
      host.tick();
    }
  };
  const notices = () => pushes.flatMap((m) => (m.event === 'host.notice' ? [m.payload] : []));
  return { host, pushes, call, run, configDir, clientId: id, notices };
}
