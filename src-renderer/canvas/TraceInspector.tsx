// Inspect while a trace of another project is shown (read-only): the selected node as the trace
// knows it and its state at the playhead, or, with nothing selected, what the trace holds.
import type { NodeSpec, Project } from '../../core/model/schema';
import { useReplayStore } from '../replay/replay-store';
import { fmtMs } from '../replay/format';
import { useEventsStore } from '../stores/events-store';
import { nodeViews } from './replay-view';
import { useMemo } from 'react';

export function TraceNodeInspector({ node }: { node: NodeSpec }) {
  const state = useReplayStore((s) => s.state);
  const v = useMemo(() => nodeViews(state, [node]).get(node.id), [state, node]);
  const rows: [string, string | number | undefined][] = [
    ['id', node.id],
    ['kind', node.kind],
    ['serverId', node.serverId],
    ['type', node.type],
    ['uid', node.uid],
    ['proxy', node.proxy],
  ];
  return (
    <div className="sb-inspect" data-testid="trace-node-inspector">
      <p className="sb-muted">From the trace (read-only): this node is not in the open project.</p>
      <dl className="sb-rpc__detail">
        {rows.filter(([, val]) => val !== undefined).map(([k, val]) => (
          <span key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{String(val)}</dd>
          </span>
        ))}
        <dt>at the playhead</dt>
        <dd data-testid="trace-node-state">
          {v?.down ? 'down' : 'up'}
          {v?.on ? ` · ${v.on === 'offline' ? 'offline' : `on ${v.on}`}` : ''}
          {v?.players ? ` · ${v.players.length} players` : ''}
          {v?.pending ? ` · waiting on ${v.pending.count} RPC` : ''}
        </dd>
      </dl>
    </div>
  );
}

export function TraceSummary({ project }: { project: Project }) {
  const name = useEventsStore((s) => s.name);
  const length = useReplayStore((s) => s.length);
  const t = useReplayStore((s) => s.state.t);
  const kinds = useMemo(() => {
    const c = new Map<string, number>();
    for (const n of project.nodes) c.set(n.kind, (c.get(n.kind) ?? 0) + 1);
    return [...c.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
  }, [project]);
  return (
    <div className="sb-inspect" data-testid="trace-summary">
      <p>
        <b>Trace “{name}”</b> <span className="sb-muted">(read-only)</span>
      </p>
      <p className="sb-muted">Its project is not the open one: the canvas, the node list and these panels show the trace's own nodes. “Back to the project” (top of the canvas) returns to the open project.</p>
      <dl className="sb-rpc__detail">
        <dt>nodes</dt>
        <dd>{kinds}</dd>
        <dt>events</dt>
        <dd>{length.toLocaleString('en-US')}</dd>
        <dt>playhead</dt>
        <dd>{fmtMs(t)}</dd>
      </dl>
    </div>
  );
}
