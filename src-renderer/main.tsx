// Renderer entry: connect the bridge to the stores, register commands, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { registerAppActions } from './commands/app-actions';
import { registerFileCommands } from './commands/file-commands';
import { installShortcuts } from './commands/shortcuts';
import { trackDocument } from './edit/project-edits';
import { startReplaySide } from './replay/start';
import { startTransport } from './transport/service';
import { useDocumentStore } from './stores/document-store';
import { connectStores } from './host-sync';
import './theme/theme.css';
import './theme/layout.css';
import './theme/canvas.css';

registerFileCommands();
registerAppActions();
installShortcuts();
startReplaySide();
startTransport();
// A newly opened document starts with an empty undo history.
useDocumentStore.subscribe((s) => s.doc && trackDocument(s.doc.path, s.doc.name, s.doc.source));
connectStores(getBridge());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
