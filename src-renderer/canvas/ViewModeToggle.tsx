// Messages one by one, or traffic (rates per edge, Vizceral / Kiali style); "auto" shows traffic
// when there are more messages in flight than can be drawn one by one.
import { useCanvasStore, type ViewMode } from '../stores/canvas-store';

const MODES: { id: ViewMode; label: string; title: string }[] = [
  { id: 'auto', label: 'Auto', title: 'Messages one by one; traffic rates when too many are in flight to draw' },
  { id: 'messages', label: 'Messages', title: 'Every message in flight, along its edge' },
  { id: 'traffic', label: 'Traffic', title: 'Message rate per edge and kind: thickness and moving particles; click an edge for its messages' },
];

export function ViewModeToggle() {
  const mode = useCanvasStore((s) => s.viewMode);
  const auto = useCanvasStore((s) => s.autoTraffic);
  const set = useCanvasStore((s) => s.setViewMode);
  return (
    <div className="sb-viewmode" role="radiogroup" aria-label="Draw messages as" data-testid="view-mode" data-mode={mode} data-shown={mode === 'traffic' || (mode === 'auto' && auto) ? 'traffic' : 'messages'}>
      {MODES.map((m) => (
        <button key={m.id} type="button" role="radio" aria-checked={mode === m.id} className={mode === m.id ? 'is-on' : ''} data-testid={`mode-${m.id}`} title={m.title} onClick={() => set(m.id)}>
          {m.label}
          {m.id === 'auto' && mode === 'auto' ? <span className="sb-muted"> ({auto ? 'traffic' : 'messages'})</span> : null}
        </button>
      ))}
    </div>
  );
}
