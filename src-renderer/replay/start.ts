// Starts the replay side of the app: the playhead over the trace log, playback, and its actions.
import { registerReplayActions } from './actions';
import { startPlaybackLoop } from './playback-loop';
import { startReplay } from './replay-store';

export function startReplaySide(): () => void {
  const offs = [startReplay(), startPlaybackLoop(), registerReplayActions()];
  return () => offs.forEach((off) => off());
}
