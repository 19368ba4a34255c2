// `masterHttp`, the module-level object of Apollo's master: RegisterMasterHttp(path, instance, func)
// and SendHttpResponse(clientId, body). Bound to the master of the simulation whose code is running.
import type { Engine } from '../engine/engine';
import { invoke } from '../engine/invoke';
import type { Handler, SystemRt } from '../engine/runtime';
import { activeEngine } from './context';
import { SystemBase, bindingOf } from './systems';

function masterBinding(instance: unknown): { engine: Engine; sys: SystemRt } {
  if (instance instanceof SystemBase) return bindingOf(instance);
  const engine = activeEngine();
  const sys = engine.topo.master?.systems[0];
  if (!sys) throw new Error('masterHttp: the topology has no master running a system');
  return { engine, sys };
}

export const masterHttp = {
  RegisterMasterHttp(path: string, instance: unknown, func?: (clientId: number, requestBody: string) => void): void {
    const { engine, sys } = masterBinding(instance);
    invoke(engine, sys, 'RegisterMasterHttp', func === undefined ? [path, instance] : [path, instance, func as Handler]);
  },
  SendHttpResponse(clientId: number, body: string): void {
    const { engine, sys } = masterBinding(undefined);
    invoke(engine, sys, 'SendHttpResponse', [clientId, body]);
  },
};
