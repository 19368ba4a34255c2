// Electron main: one hardened window on the shared host. Usage: electron . [--project FILE | --apollo DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { Host } from '../host/host';
import { installProcessGuard } from '../host/guard';
import { hostLimitsFromEnv, limitOptions } from '../host/settings';
import { defaultConfigDir } from '../host/config-dir';
import { createSimulation } from '../host/simulation-factory';
import { buildNativeMenu } from './menu';
import { buildMenuTemplate } from './menu-template';
import { menuCommandRunner, confirmDiscard } from './commands';
import { nativeDialogs } from './dialogs';
import { attachWindow, registerIpc } from './ipc';
import { hardenApp, hardenSession } from './hardening';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_URL, secureWebPreferences } from './web-preferences';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(HERE, '../preload/preload.cjs');
const RENDERER_DIR = path.join(HERE, '../renderer');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let win: BrowserWindow | null = null;
let clientId: number | undefined;
const windowIds = new Map<number, number>();

// A second instance hands over to the first and ends here: nothing else of the app starts (no host,
// no config files touched, no window) between app.quit() and the process exit.
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  const host = new Host({
    mode: 'electron',
    version: app.getVersion(),
    configDir: defaultConfigDir(),
    createSimulation,
    dialogs: nativeDialogs(() => win),
    ...limitOptions(hostLimitsFromEnv()),
  });
  // Nothing a request, a tick or a library callback throws ends the app: it is logged and shown.
  installProcessGuard(host);

  registerAppScheme();
  hardenApp();
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  async function refreshMenu(): Promise<void> {
    const run = menuCommandRunner(host, () => win, () => clientId);
    const spec = buildMenuTemplate({ recent: await host.recentList(), isMac: process.platform === 'darwin', dev: !app.isPackaged && !!process.env.SWITCHBOARD_DEV });
    Menu.setApplicationMenu(buildNativeMenu(spec, (c) => void run(c)));
  }

  function createWindow(): void {
    win = new BrowserWindow({ width: 1400, height: 900, show: false, title: 'Switchboard', webPreferences: secureWebPreferences(PRELOAD) });
    const w = win;
    const contentsId = w.webContents.id;
    clientId = attachWindow(host, w);
    windowIds.set(contentsId, clientId);
    let allowClose = false;
    w.once('ready-to-show', () => w.show());
    w.on('close', (e) => {
      if (allowClose || !host.doc.current.dirty) return;
      e.preventDefault();
      void confirmDiscard(host, w).then((ok) => {
        if (ok) {
          allowClose = true;
          w.close();
        }
      });
    });
    w.on('closed', () => {
      windowIds.delete(contentsId);
      win = null;
      clientId = undefined;
    });
    void w.loadURL(APP_URL);
  }

  void app.whenReady().then(async () => {
    hardenSession();
    serveRenderer(RENDERER_DIR);
    registerIpc(host, (id) => windowIds.get(id));
    const project = argValue('--project');
    const apollo = argValue('--apollo');
    if (apollo) await host.openApollo(path.resolve(apollo)).catch(() => host.newDocument());
    else if (project) await host.openFile(path.resolve(project)).catch(() => host.newDocument());
    else await host.newDocument();
    host.start();
    await refreshMenu();
    // Open and save change the recent list: keep Open Recent in step.
    host.observe((m) => {
      if (m.event === 'recent.changed') void refreshMenu();
    });
    createWindow();
  });

  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}
