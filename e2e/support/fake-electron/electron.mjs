// A recording stand-in for the `electron` module: just enough surface for src-main/electron/main.ts.
// Once the window has loaded, it drives the real wiring (IPC, app:// protocol, permission and
// navigation handlers, menu) like Electron would, prints one JSON report line and exits.
/* global process, console, setTimeout */
import { EventEmitter } from 'node:events';

const rec = { windows: [], loaded: [], ipc: new Map(), protocol: new Map(), privileged: [], menu: null, permission: null, headers: null, contents: [], sent: [], boxes: [], quits: 0 };

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = 1;
    this.openHandler = null;
  }
  send(channel, message) {
    rec.sent.push({ channel, event: message.event });
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    rec.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    rec.loaded.push(url);
    setTimeout(() => void drive(this), 1500);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

class App extends EventEmitter {
  getVersion() {
    return '0.0.0-fake';
  }
  whenReady() {
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    // FAKE_ELECTRON_LOCK=deny: another instance holds the lock (this one must quit at once).
    return process.env.FAKE_ELECTRON_LOCK !== 'deny';
  }
  quit() {
    rec.quits++;
    // Quitting with no window: report what started anyway, a moment later, then end.
    if (rec.windows.length === 0) {
      setTimeout(() => {
        console.log(`QUIT ${JSON.stringify({ quits: rec.quits, windows: rec.windows.length, ipc: rec.ipc.size, protocol: rec.protocol.size, menu: rec.menu !== null, privileged: rec.privileged.length })}`);
        process.exit(0);
      }, 1000);
    }
  }
  get isPackaged() {
    return false;
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => rec.privileged.push(...schemes),
  handle: (scheme, fn) => rec.protocol.set(scheme, fn),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (rec.permission = fn),
    setPermissionCheckHandler: (fn) => (rec.permissionCheck = fn),
    setDevicePermissionHandler: () => {},
    webRequest: { onHeadersReceived: (fn) => (rec.headers = fn) },
  },
};

export const ipcMain = { handle: (channel, fn) => rec.ipc.set(channel, fn) };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (rec.menu = m) };
// Message boxes answer "Cancel" (button 1) and are recorded.
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async (...args) => {
    const opts = args.length > 1 ? args[1] : args[0];
    rec.boxes.push(opts.message);
    return { response: 1 };
  },
};
export default { app, BrowserWindow, protocol, session, ipcMain, Menu, dialog };

async function drive(win) {
  const invoke = rec.ipc.get('switchboard:request');
  const frame = (url) => ({ senderFrame: { url }, sender: { id: win.webContents.id } });
  const serve = rec.protocol.get('app');
  const fetchApp = async (url) => {
    const r = await serve({ url });
    return { status: r.status, csp: r.headers.get('content-security-policy') };
  };
  const navigation = { prevented: false, frame: false };
  win.webContents.emit('will-navigate', { preventDefault: () => (navigation.prevented = true) }, 'https://example.com/');
  win.webContents.emit('will-frame-navigate', { url: 'https://example.com/', isMainFrame: false, preventDefault: () => (navigation.frame = true) });
  // File > Open Recent with unsaved changes must ask first (the message box answers Cancel).
  const app0 = frame('app://switchboard/index.html');
  const doc = await invoke(app0, { method: 'project.get', params: {} });
  await invoke(app0, { method: 'project.edit', params: { project: { ...doc.result.project, description: 'unsaved' } } });
  const file = (rec.menu ?? []).find((m) => m.label === 'File');
  const recentItem = file?.submenu?.find((i) => i.label === 'Open Recent')?.submenu?.[0];
  const boxesBefore = rec.boxes.length;
  recentItem?.click?.();
  await new Promise((r) => setTimeout(r, 500));
  const after = await invoke(app0, { method: 'project.get', params: {} });
  const openRecent = { item: recentItem?.label ?? null, prompts: rec.boxes.slice(boxesBefore), stillDirty: after.result.dirty, description: after.result.project.description };
  let permission = null;
  rec.permission?.(win.webContents, 'geolocation', (ok) => (permission = ok));
  let headerCsp = null;
  rec.headers?.({ responseHeaders: {} }, (r) => (headerCsp = r.responseHeaders['Content-Security-Policy']));
  const report = {
    loaded: rec.loaded,
    webPreferences: win.options.webPreferences,
    privileged: rec.privileged,
    trusted: await invoke(frame('app://switchboard/index.html'), { method: 'project.get', params: {} }),
    untrusted: await invoke(frame('https://evil.example/'), { method: 'project.get', params: {} }),
    badParams: await invoke(frame('app://switchboard/index.html'), { method: 'session.speed', params: { speed: 'fast' } }),
    index: await fetchApp('app://switchboard/index.html'),
    escape: await fetchApp('app://switchboard/..%2f..%2fpackage.json'),
    otherHost: await fetchApp('app://elsewhere/index.html'),
    windowOpen: win.webContents.openHandler?.({ url: 'https://example.com/' }),
    navigationPrevented: navigation.prevented,
    frameNavigationPrevented: navigation.frame,
    openRecent,
    permission,
    headerCsp,
    menu: (rec.menu ?? []).map((m) => ({ label: m.label, items: (m.submenu ?? []).map((i) => i.label ?? i.role ?? i.type) })),
    pushes: [...new Set(rec.sent.map((s) => `${s.channel} ${s.event}`))],
  };
  if (report.trusted.ok) report.trusted = { ok: true, name: report.trusted.result.name };
  console.log(`REPORT ${JSON.stringify(report)}`);
  process.exit(0);
}
