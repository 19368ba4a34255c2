// The bottom panel's height: dragged by its top edge (PanelResizer), kept between sessions in
// localStorage, always leaving the canvas and the toolbar room.
export const DEFAULT_PANEL_PX = 240;
export const MIN_PANEL_PX = 140;
/** What the canvas keeps at the least (toolbar, status bar and a usable drawing). */
const CANVAS_RESERVE_PX = 260;
const KEY = 'switchboard.bottomPanelPx';

export function clampPanelHeight(px: number, windowHeight: number): number {
  const max = Math.max(MIN_PANEL_PX, windowHeight - CANVAS_RESERVE_PX);
  if (!Number.isFinite(px)) return DEFAULT_PANEL_PX > max ? max : DEFAULT_PANEL_PX;
  return Math.round(Math.min(max, Math.max(MIN_PANEL_PX, px)));
}

export function savedPanelHeight(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(KEY));
    return v > 0 ? v : DEFAULT_PANEL_PX;
  } catch {
    return DEFAULT_PANEL_PX;
  }
}

export function savePanelHeight(px: number): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(px));
  } catch {
    // storage refused (private mode, quota): the height lasts this session only
  }
}

/** The grid row reads this variable (layout.css). */
export function applyPanelHeight(px: number): void {
  globalThis.document?.documentElement.style.setProperty('--bottom-panel-height', `${px}px`);
}
