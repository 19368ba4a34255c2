// The project the canvas draws: the document, or (for an opened trace whose project is not the open
// one) the topology inferred from the trace (replay/trace-topology.ts). The trace's events are
// re-read at most every SCAN_MS while it streams in; the header's node list needs none of them.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '../../core/model/schema';
import { inferTopology } from '../../core/replay/topology';
import type { TraceEvent } from '../../core/trace/event';
import { replayIndex, useReplayStore } from '../replay/replay-store';
import { chooseTopology, clientDetails, sameTopology, type CanvasTopology } from '../replay/trace-topology';
import { useEventsStore } from '../stores/events-store';

const SCAN_MS = 300;

function* lifecycleEvents(): Generator<TraceEvent> {
  const ix = replayIndex();
  for (const i of ix.indexesOf('lifecycle')) if (i < ix.length) yield ix.get(i);
}

export function useCanvasTopology(document: Project | undefined): CanvasTopology {
  const kind = useEventsStore((s) => s.kind);
  const header = useEventsStore((s) => s.header);
  const streamId = useReplayStore((s) => s.streamId);
  const version = useReplayStore((s) => s.version);
  const [scanned, setScanned] = useState(version);
  useEffect(() => {
    const timer = setTimeout(() => setScanned(version), SCAN_MS);
    return () => clearTimeout(timer);
  }, [version]);
  const last = useRef<CanvasTopology | null>(null);
  return useMemo(() => {
    const next =
      kind === 'trace'
        ? chooseTopology({ kind, document, header, nodes: inferTopology(replayIndex().source, header), clients: clientDetails(lifecycleEvents()) })
        : { source: 'document' as const, project: document };
    // Keep one object while the drawing does not change (a new one re-lays the canvas out).
    if (last.current && sameTopology(last.current, next)) return last.current;
    last.current = next;
    return next;
    // scanned / streamId: the trace's events changed (they are read through replayIndex()).
  }, [kind, header, document, scanned, streamId]);
}
