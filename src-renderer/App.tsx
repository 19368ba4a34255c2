// The window layout: toolbar, palette | canvas | inspector, bottom panels, status bar.
// Each slot is one component in its own file (see CONTEXT.md).
import { useEffect } from 'react';
import { messageColorVars } from '../core/replay/message-style';
import { Canvas } from './canvas/Canvas';
import { CommandPalette } from './chrome/CommandPalette';
import { Notices } from './chrome/Notices';
import { StatusBar } from './chrome/StatusBar';
import { Toolbar } from './chrome/Toolbar';
import { BottomPanels } from './panels/BottomPanels';
import { Palette } from './panels/Palette';
import { RightPanel } from './panels/RightPanel';
import { useUiStore } from './stores/ui-store';
import { TourCard } from './tours/TourCard';

export function App() {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    // Message colours as CSS variables (--msg-request, ...) from the one table every view uses.
    for (const [k, v] of Object.entries(messageColorVars(theme))) document.documentElement.style.setProperty(k, v);
  }, [theme]);
  return (
    <div className="sb-app" data-testid="app">
      <Toolbar />
      <Palette />
      <main className="sb-center">
        <Canvas />
        <Notices />
        <TourCard />
      </main>
      <RightPanel />
      <BottomPanels />
      <StatusBar />
      <CommandPalette />
    </div>
  );
}
