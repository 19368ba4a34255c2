// Process-wide guards: no navigation (of the page or of any frame in it), no new windows, no
// <webview>, no permissions, CSP on every response of the default session.
import { app, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

export function hardenApp(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    // will-navigate covers the main frame only; an <iframe> (or a frame an injected script made)
    // navigates through will-frame-navigate.
    contents.on('will-frame-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
