// Starts the replay side of the app: the playhead over the trace log and its actions (playback is
// the transport's, see ../transport).
import { registerReplayActions } from './actions';
import { startReplay } from './replay-store';

export function startReplaySide(): () => void {
  const offs = [startReplay(), registerReplayActions()];
  return () => offs.forEach((off) => off());
}
