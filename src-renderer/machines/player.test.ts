import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { playerMachine } from './player';

function start() {
  const calls = { run: vi.fn(), pause: vi.fn(), step: vi.fn(), speed: vi.fn() };
  const actor = createActor(
    playerMachine.provide({
      actions: {
        hostRun: calls.run,
        hostPause: calls.pause,
        hostStep: calls.step,
        hostSpeed: (_, p) => calls.speed(p.speed),
      },
    }),
  ).start();
  return { actor, calls };
}

describe('player machine', () => {
  it('toggles play and pause, driving the host', () => {
    const { actor, calls } = start();
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'TOGGLE' });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(calls.run).toHaveBeenCalledOnce();
    actor.send({ type: 'TOGGLE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls.pause).toHaveBeenCalledOnce();
  });

  it('steps to the next event, pausing first when playing', () => {
    const { actor, calls } = start();
    actor.send({ type: 'STEP' });
    expect(calls.step).toHaveBeenCalledTimes(1);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls.step).toHaveBeenCalledTimes(2);
  });

  it('keeps speed within 0.1×–10× and steps through the preset speeds', () => {
    const { actor, calls } = start();
    actor.send({ type: 'SPEED', speed: 50 });
    expect(actor.getSnapshot().context.speed).toBe(10);
    actor.send({ type: 'SPEED', speed: 0.001 });
    expect(actor.getSnapshot().context.speed).toBe(0.1);
    actor.send({ type: 'FASTER' });
    expect(actor.getSnapshot().context.speed).toBe(0.25);
    actor.send({ type: 'SPEED', speed: 1 });
    actor.send({ type: 'SLOWER' });
    expect(actor.getSnapshot().context.speed).toBe(0.5);
    expect(calls.speed).toHaveBeenLastCalledWith(0.5);
  });

  it('follows the host: a scenario end pauses the player without sending a pause', () => {
    const { actor, calls } = start();
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STATUS', running: false, speed: 1, now: 4200 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.now).toBe(4200);
    expect(calls.pause).not.toHaveBeenCalled();
    actor.send({ type: 'STATUS', running: true, speed: 1, now: 4300 });
    expect(actor.getSnapshot().value).toBe('playing');
  });
});
