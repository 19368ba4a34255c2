import { describe, expect, it } from 'vitest';
import { useReplayStore } from './replay-store';
import { rpcZoomNow, setRpcZoom } from './rpc-zoom';

describe('the RPC timeline window', () => {
  it('is kept for its stream and forgotten on another', () => {
    useReplayStore.setState({ streamId: 3 });
    setRpcZoom({ start: 10, end: 20 });
    expect(rpcZoomNow()).toEqual({ start: 10, end: 20 });
    useReplayStore.setState({ streamId: 4 });
    expect(rpcZoomNow()).toBeNull();
    setRpcZoom(null);
    expect(rpcZoomNow()).toBeNull();
  });
});
