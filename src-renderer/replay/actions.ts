// Replay actions in the one registry (menus, shortcuts, command palette).
import { registerAction } from '../commands/registry';
import { exportActions } from './exports';
import { JUMPS } from './nav';
import { transport } from '../transport/instance';
import { goLive, jump, step } from './replay-store';

export function registerReplayActions(): () => void {
  const c = 'Replay';
  const offs = [
    registerAction({ id: 'replay.stepBack', title: 'Step back one event', category: c, shortcuts: ['Shift+ArrowLeft'], run: () => step(-1) }),
    registerAction({ id: 'replay.stepForward', title: 'Step forward one event', category: c, shortcuts: ['Shift+ArrowRight'], run: () => step(1) }),
    registerAction({ id: 'replay.playPause', title: 'Play / pause', category: c, shortcuts: ['Shift+Space'], run: () => transport.toggle() }),
    registerAction({ id: 'replay.live', title: 'Follow the live session', category: c, run: goLive }),
    ...JUMPS.flatMap((j) => [
      registerAction({ id: `replay.next.${j.kind}`, title: `Next ${j.label}`, category: c, run: () => void jump(j.kind, 1) }),
      registerAction({ id: `replay.prev.${j.kind}`, title: `Previous ${j.label}`, category: c, run: () => void jump(j.kind, -1) }),
    ]),
    registerAction({ id: 'export.mermaid', title: 'Export sequence diagram (Mermaid)', category: 'Export', run: exportActions.mermaid }),
    registerAction({ id: 'export.svg', title: 'Export sequence diagram (SVG)', category: 'Export', run: exportActions.svg }),
    registerAction({ id: 'export.chromeTrace', title: 'Export Chrome trace (Perfetto)', category: 'Export', run: exportActions.chromeTrace }),
    registerAction({ id: 'export.otlp', title: 'Export RPC spans (OTLP JSON)', category: 'Export', run: exportActions.otlp }),
  ];
  return () => offs.forEach((off) => off());
}
