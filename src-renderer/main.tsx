// Renderer entry: connect the bridge to the stores, register commands, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { registerFileCommands } from './commands/file-commands';
import { connectStores } from './host-sync';
import './theme/theme.css';
import './theme/layout.css';

registerFileCommands();
connectStores(getBridge());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
