// The player: play, pause, step to the next event and speed (0.1×–10×), as one XState machine.
// It drives the host session through injected actions and follows the host's status (a scenario
// end or another window can pause it). The overlay reads the clock it keeps (see play-clock.ts).
import { assign, setup } from 'xstate';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;

export type PlayerEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP' }
  | { type: 'SPEED'; speed: number }
  | { type: 'FASTER' }
  | { type: 'SLOWER' }
  /** The host reported its session's status. */
  | { type: 'STATUS'; running: boolean; speed: number; now: number };

export interface PlayerContext {
  speed: number;
  now: number;
}

export const clampSpeed = (s: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));

function neighbour(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed - 1e-9);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + dir))];
}

export const playerMachine = setup({
  types: { context: {} as PlayerContext, events: {} as PlayerEvent },
  actions: {
    // Replaced by the app (bridge requests) and by tests (spies).
    hostRun: () => {},
    hostPause: () => {},
    hostStep: () => {},
    hostSpeed: (_: unknown, _params: { speed: number }) => {},
    setSpeed: assign({ speed: (_, params: { speed: number }) => clampSpeed(params.speed) }),
    syncNow: assign({ now: ({ event }) => (event.type === 'STATUS' ? event.now : 0) }),
  },
  guards: {
    hostRunning: ({ event }) => event.type === 'STATUS' && event.running,
    hostPaused: ({ event }) => event.type === 'STATUS' && !event.running,
  },
}).createMachine({
  id: 'player',
  context: { speed: 1, now: 0 },
  initial: 'paused',
  on: {
    SPEED: { actions: [{ type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) }, { type: 'hostSpeed', params: ({ context }) => ({ speed: context.speed }) }] },
    FASTER: { actions: [{ type: 'setSpeed', params: ({ context }) => ({ speed: neighbour(context.speed, 1) }) }, { type: 'hostSpeed', params: ({ context }) => ({ speed: context.speed }) }] },
    SLOWER: { actions: [{ type: 'setSpeed', params: ({ context }) => ({ speed: neighbour(context.speed, -1) }) }, { type: 'hostSpeed', params: ({ context }) => ({ speed: context.speed }) }] },
  },
  states: {
    paused: {
      on: {
        PLAY: { target: 'playing', actions: 'hostRun' },
        TOGGLE: { target: 'playing', actions: 'hostRun' },
        STEP: { actions: 'hostStep' },
        STATUS: [{ guard: 'hostRunning', target: 'playing', actions: 'syncNow' }, { actions: 'syncNow' }],
      },
    },
    playing: {
      on: {
        PAUSE: { target: 'paused', actions: 'hostPause' },
        TOGGLE: { target: 'paused', actions: 'hostPause' },
        // Stepping while playing pauses first: the host's step does the same.
        STEP: { target: 'paused', actions: 'hostStep' },
        STATUS: [{ guard: 'hostPaused', target: 'paused', actions: 'syncNow' }, { actions: 'syncNow' }],
      },
    },
  },
});
