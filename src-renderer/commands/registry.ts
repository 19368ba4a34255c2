// Named commands shared by native menus (menu.command pushes), toolbar buttons and, later,
// shortcuts and a command palette. Panels register what they implement.
import { useUiStore } from '../stores/ui-store';

type Command = () => void | Promise<void>;

const commands = new Map<string, Command>();

export function registerCommand(id: string, run: Command): () => void {
  commands.set(id, run);
  return () => {
    if (commands.get(id) === run) commands.delete(id);
  };
}

export function runCommand(id: string): void {
  const cmd = commands.get(id);
  if (!cmd) {
    useUiStore.getState().notify('info', `"${id}" is not available yet.`);
    return;
  }
  void Promise.resolve(cmd()).catch((err: unknown) => useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err)));
}
