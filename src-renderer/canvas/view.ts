// How the canvas frames a topology: a thin margin so the role columns use the whole width (cards
// are read at fit view, ~0.55× for the quickstart, so their text is set large in layout.css),
// never blown up past 1.2× for a small project.
import type { FitViewOptions } from '@xyflow/react';

export const FIT_VIEW: FitViewOptions = { padding: 0.04, maxZoom: 1.2 };
