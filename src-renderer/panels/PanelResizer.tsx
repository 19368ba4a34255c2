// The bottom panel's top edge: drag it (or focus it and press ↑ / ↓) to give the panels more or less
// room; a double click returns to the default. The height is kept for the next start.
import { useEffect, useRef } from 'react';
import { getAction } from '../commands/registry';
import { applyPanelHeight, clampPanelHeight, DEFAULT_PANEL_PX, savedPanelHeight, savePanelHeight } from './panel-height';

const STEP_PX = 40;

export function PanelResizer() {
  const height = useRef(DEFAULT_PANEL_PX);
  const drag = useRef<{ y: number; from: number } | null>(null);

  const set = (px: number, keep: boolean) => {
    height.current = clampPanelHeight(px, window.innerHeight);
    applyPanelHeight(height.current);
    if (keep) {
      savePanelHeight(height.current);
      // The canvas changed size: show the whole network again once the grid has laid out.
      setTimeout(() => void getAction('view.fit')?.run(), 50);
    }
  };

  useEffect(() => {
    set(savedPanelHeight(), false);
    const onResize = () => set(height.current, false);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  return (
    <div
      className="sb-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panels (drag, or ↑ / ↓)"
      title="Drag to resize the panels; double-click for the default height"
      tabIndex={0}
      data-testid="panel-resizer"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { y: e.clientY, from: height.current };
      }}
      onPointerMove={(e) => {
        if (drag.current) set(drag.current.from + (drag.current.y - e.clientY), false);
      }}
      onPointerUp={() => {
        if (drag.current) set(height.current, true);
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={() => set(DEFAULT_PANEL_PX, true)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp') set(height.current + STEP_PX, true);
        else if (e.key === 'ArrowDown') set(height.current - STEP_PX, true);
        else return;
        e.preventDefault();
      }}
    />
  );
}
