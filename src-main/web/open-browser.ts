// Best-effort: open a URL in the user's browser. Never throws, never fails the caller. On Linux it
// only tries with a display, so a headless machine does not get a text-mode browser in its terminal.
import { spawn } from 'node:child_process';

export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const cmd = platform === 'darwin' ? ['open', url] : platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : env.DISPLAY || env.WAYLAND_DISPLAY ? ['xdg-open', url] : null;
  if (!cmd) return false;
  try {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
