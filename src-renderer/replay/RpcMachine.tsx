// The RPC lifecycle machine drawn from its config (machine-graph.ts), with the focused call's
// state at the playhead lit.
import { useMemo } from 'react';
import { machineGraph } from './machine-graph';
import type { RpcPhase } from './rpc-at';

const W = 92;
const H = 26;
const GX = 146;
const GY = 58;

export function RpcMachine(props: { phase: RpcPhase | null }) {
  const g = useMemo(() => machineGraph(), []);
  const cols = Math.max(...g.states.map((s) => s.col)) + 1;
  const pos = new Map(g.states.map((s) => [s.id, { x: 6 + s.col * GX, y: 14 + s.row * GY }]));
  const width = 12 + (cols - 1) * GX + W;
  const height = 14 + GY + H + 8;
  return (
    <svg className="sb-machine" data-testid="rpc-machine" data-lit={props.phase ?? ''} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="RPC lifecycle state machine">
      <defs>
        <marker id="sb-machine-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="sb-machine__head" />
        </marker>
      </defs>
      {g.edges.map((e) => {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b) return null;
        const sameRow = a.y === b.y;
        const x1 = sameRow ? a.x + W : a.x + W / 2 + (b.x > a.x ? 12 : -12);
        const y1 = sameRow ? a.y + H / 2 : a.y + (b.y > a.y ? H : 0);
        const x2 = sameRow ? b.x : b.x + W / 2 - (b.x > a.x ? 12 : -12);
        const y2 = sameRow ? b.y + H / 2 : b.y + (b.y > a.y ? 0 : H);
        const lit = props.phase === e.to;
        return (
          <g key={`${e.from}-${e.event}`} className={`sb-machine__edge${lit ? ' is-lit' : ''}`} data-edge={`${e.from}-${e.event}-${e.to}`}>
            <path d={`M${x1},${y1} L${x2},${y2}`} markerEnd="url(#sb-machine-arrow)" />
            {/* Labels sit near the source so the fan of TIMEOUT edges stays readable. */}
            <text x={sameRow ? (x1 + x2) / 2 : x1 + (x2 - x1) * 0.22 + 3} y={sameRow ? y1 - 4 : y1 + (y2 - y1) * 0.22 + 3} textAnchor={sameRow ? 'middle' : 'start'}>{e.event}</text>
          </g>
        );
      })}
      {g.states.map((s) => {
        const p = pos.get(s.id) as { x: number; y: number };
        const lit = props.phase === s.id;
        return (
          <g key={s.id} className={`sb-machine__state${s.final ? ' is-final' : ''}${lit ? ' is-lit' : ''}`} data-testid={`machine-state-${s.id}`} data-lit={String(lit)}>
            <title>{s.description}</title>
            <rect x={p.x} y={p.y} width={W} height={H} rx={s.final ? 12 : 4} />
            <text x={p.x + W / 2} y={p.y + H / 2 + 4} textAnchor="middle">{s.id}</text>
          </g>
        );
      })}
    </svg>
  );
}
