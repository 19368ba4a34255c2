// The RPC timeline's zoomed window (time-view.ts), kept outside the panel so it survives switching
// bottom tabs; it belongs to one stream (another trace or a reset shows the whole trace again).
import { create } from 'zustand';
import { useReplayStore } from './replay-store';
import type { TimeView } from './time-view';

interface RpcZoom {
  streamId: number;
  /** null: the whole trace. */
  view: TimeView | null;
}

const useRpcZoomStore = create<RpcZoom>(() => ({ streamId: -1, view: null }));

/** The zoomed window of the stream shown now (null: the whole trace). */
export function useRpcZoom(): TimeView | null {
  const streamId = useReplayStore((s) => s.streamId);
  return useRpcZoomStore((s) => (s.streamId === streamId ? s.view : null));
}

export function setRpcZoom(view: TimeView | null): void {
  useRpcZoomStore.setState({ streamId: useReplayStore.getState().streamId, view });
}

/** The same, outside React. */
export function rpcZoomNow(): TimeView | null {
  const s = useRpcZoomStore.getState();
  return s.streamId === useReplayStore.getState().streamId ? s.view : null;
}
