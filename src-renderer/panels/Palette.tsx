// Left: node kinds and the nodes of each (click to select). Adding nodes by drag is the canvas issue.
import { NODE_KINDS } from '../../core/model/schema';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';

const NO_NODES: never[] = [];

export function Palette() {
  // A stable empty array: a new [] per call would make zustand re-render forever.
  const nodes = useDocumentStore((s) => s.doc?.project.nodes ?? NO_NODES);
  const selected = useUiStore((s) => s.selected);
  const select = useUiStore((s) => s.select);
  return (
    <aside className="sb-palette" data-testid="palette" aria-label="Palette">
      <h2>Nodes</h2>
      {NODE_KINDS.map((kind) => {
        const ofKind = nodes.filter((n) => n.kind === kind);
        return (
          <div key={kind} className="sb-palette__kind">
            <h3>
              <span className={`sb-dot sb-dot--${kind}`} /> {kind} <span className="sb-muted">{ofKind.length}</span>
            </h3>
            <ul>
              {ofKind.map((n) => (
                <li key={n.id}>
                  <button type="button" className={n.id === selected ? 'is-selected' : ''} onClick={() => select(n.id)}>
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
