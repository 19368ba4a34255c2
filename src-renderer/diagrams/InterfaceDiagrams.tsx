// The four interface diagrams, drawn from interface-diagrams.ts: callers on the left, the receiver
// on the right, one arrow per (interface, way of being heard); thick arrows are broadcasts.
import { useMemo } from 'react';
import { interfaceDiagrams, type InterfaceDiagram } from './interface-diagrams';
import './diagrams.css';

const ROW = 30;

function Diagram({ d }: { d: InterfaceDiagram }) {
  const h = 30 + d.edges.length * ROW;
  return (
    <figure className="sb-idia" data-testid={`diagram-${d.target.replace('/', '-')}`}>
      <figcaption>{d.title}</figcaption>
      <svg width={560} height={h} role="img" aria-label={d.title}>
        <defs>
          <marker id="sb-idia-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="sb-idia__head" />
          </marker>
        </defs>
        <rect x={460} y={6} width={94} height={h - 12} rx={6} className="sb-idia__target" />
        <text x={507} y={h / 2 + 4} textAnchor="middle" className="sb-idia__tname">{d.target}</text>
        {d.edges.map((e, i) => {
          const y = 24 + i * ROW;
          return (
            <g key={`${e.api}-${e.from}`} className={`sb-idia__edge${e.thick ? ' is-thick' : ''}${e.rpc ? ' is-rpc' : ''}`} data-api={e.api} data-from={e.from}>
              <text x={4} y={y + 4} className="sb-idia__from">{e.from}</text>
              <line x1={92} y1={y} x2={458} y2={y} markerEnd="url(#sb-idia-arrow)" />
              <text x={100} y={y - 4} className="sb-idia__api">{e.api}</text>
              <text x={452} y={y + 11} textAnchor="end" className="sb-idia__heard">heard as {e.heard}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function InterfaceDiagrams() {
  const all = useMemo(() => interfaceDiagrams(), []);
  return (
    <div className="sb-idias" data-testid="interface-diagrams">
      <p className="sb-muted">Who can send what to whom, drawn from the engine's interface table. Thin arrows: one receiver; thick: broadcast; purple: RPC.</p>
      {all.map((d) => <Diagram key={d.target} d={d} />)}
    </div>
  );
}
