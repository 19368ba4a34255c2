// How the canvas frames a topology: a thin margin so the role columns use the whole width (cards
// are read at fit view, ~0.55× for the quickstart, so their text is set large in layout.css),
// room at the top for the legend and the markers above the top cards, never blown up past 1.2×
// for a small project.
import type { FitViewOptions } from '@xyflow/react';

export const FIT_VIEW: FitViewOptions = { padding: { top: '52px', bottom: '14px', left: '14px', right: '14px' }, maxZoom: 1.2 };

/** Whether a card (flow coordinates) is wholly on screen at `viewport` in a `width` × `height` pane. */
export function inView(box: { x: number; y: number; w: number; h: number }, viewport: { x: number; y: number; zoom: number }, width: number, height: number): boolean {
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  return left >= 0 && top >= 0 && left + box.w * viewport.zoom <= width && top + box.h * viewport.zoom <= height;
}
