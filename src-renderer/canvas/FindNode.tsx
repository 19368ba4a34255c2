// Ctrl+F: find a node by id or name, select it and bring it into view.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCanvasStore } from '../stores/canvas-store';
import { handleListKey } from '../chrome/list-keys';
import { useShownNodes } from './shown-topology';
import { searchNodes } from './search';

export function FindNode() {
  const open = useCanvasStore((s) => s.findOpen);
  const setOpen = useCanvasStore((s) => s.setFindOpen);
  // The trace's nodes while a trace of another project is shown.
  const nodes = useShownNodes();
  const flow = useReactFlow();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchNodes(nodes ?? [], q).slice(0, 8), [nodes, q]);
  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);
  if (!open) return null;
  const go = (id: string) => {
    useCanvasStore.getState().setSelection([id]);
    void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.3 });
    setOpen(false);
  };
  return (
    <div className="sb-find" role="search" data-testid="find-node">
      <input
        ref={input}
        autoFocus
        placeholder="Find a node by id or name"
        aria-label="Find a node"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (handleListKey(e.key, { count: hits.length, active, setActive, pick: (i) => go(hits[i].id), close: () => setOpen(false) })) e.preventDefault();
        }}
      />
      <ul>
        {hits.map((n, i) => (
          <li key={n.id}>
            <button type="button" className={i === active ? 'is-active' : ''} onClick={() => go(n.id)}>
              <span className={`sb-dot sb-dot--${n.kind}`} /> {n.name ?? n.id} <span className="sb-muted">{n.id}</span>
            </button>
          </li>
        ))}
        {q && hits.length === 0 ? <li className="sb-muted">No node matches “{q}”.</li> : null}
      </ul>
    </div>
  );
}
