// Left: the node kinds to drag onto the canvas (or add with +), and the nodes of each (click to
// select, Shift/Ctrl+click to add to the selection).
import { NODE_KINDS } from '../../core/model/schema';
import { DRAG_KIND } from '../canvas/Canvas';
import { addNodeAt } from '../canvas/add-node';
import { useCanvasStore } from '../stores/canvas-store';
import { useShownNodes, useShownTopology } from '../canvas/shown-topology';

export function Palette() {
  // The trace's nodes while a trace of another project is shown (read-only), else the document's.
  const nodes = useShownNodes();
  const readOnly = useShownTopology((s) => s.inferred !== null);
  const selection = useCanvasStore((s) => s.selection);
  const setSelection = useCanvasStore((s) => s.setSelection);
  return (
    <aside className="sb-palette" data-testid="palette" aria-label="Palette">
      <h2>Nodes{readOnly ? <span className="sb-muted" data-testid="palette-trace"> of the trace</span> : null}</h2>
      {NODE_KINDS.map((kind) => {
        const ofKind = nodes.filter((n) => n.kind === kind);
        return (
          <div key={kind} className="sb-palette__kind">
            <h3
              draggable={!readOnly}
              className="sb-palette__drag"
              data-testid={`palette-${kind}`}
              title={`Drag onto the canvas to add a ${kind}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_KIND, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <span className={`sb-dot sb-dot--${kind}`} /> {kind} <span className="sb-muted">{ofKind.length}</span>
              {readOnly ? null : (
                <button type="button" className="sb-palette__add" data-testid={`add-${kind}`} aria-label={`Add a ${kind}`} onClick={() => void addNodeAt(kind)}>
                  +
                </button>
              )}
            </h3>
            <ul>
              {ofKind.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    data-testid="palette-node"
                    data-node={n.id}
                    className={selection.includes(n.id) ? 'is-selected' : ''}
                    onClick={(e) => setSelection(e.shiftKey || e.ctrlKey || e.metaKey ? [...new Set([...selection, n.id])] : [n.id])}
                  >
                    {n.name ?? n.id}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </aside>
  );
}
