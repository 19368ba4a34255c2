// Ctrl+K / Ctrl+Shift+P: every registered action with its shortcut; type to filter, Enter to run.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { listActions, onActionsChanged, runCommand } from '../commands/registry';
import { useCanvasStore } from '../stores/canvas-store';
import { handleListKey } from './list-keys';

let version = 0;
const subscribe = (cb: () => void) =>
  onActionsChanged(() => {
    version++;
    cb();
  });

export function CommandPalette() {
  const open = useCanvasStore((s) => s.paletteOpen);
  const setOpen = useCanvasStore((s) => s.setPaletteOpen);
  const v = useSyncExternalStore(subscribe, () => version);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => {
    void v;
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return listActions().filter((a) => words.every((w) => `${a.category ?? ''} ${a.title} ${a.id}`.toLowerCase().includes(w)));
  }, [q, v]);
  useEffect(() => {
    if (open) {
      setQ('');
      setActive(0);
    }
  }, [open]);
  if (!open) return null;
  const run = (id: string) => {
    setOpen(false);
    runCommand(id);
  };
  return (
    <div className="sb-modal" role="presentation" onMouseDown={() => setOpen(false)}>
      <div className="sb-cmdk" role="dialog" aria-label="Command palette" data-testid="command-palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          placeholder="Type a command"
          aria-label="Command"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (handleListKey(e.key, { count: items.length, active, setActive, pick: (i) => run(items[i].id), close: () => setOpen(false) })) e.preventDefault();
          }}
        />
        <ul role="listbox">
          {items.map((a, i) => (
            <li key={a.id} role="option" aria-selected={i === active}>
              <button type="button" className={i === active ? 'is-active' : ''} data-testid={`cmd-${a.id}`} onMouseEnter={() => setActive(i)} onClick={() => run(a.id)}>
                <span className="sb-muted">{a.category ?? 'File'}</span> {a.title}
                <span className="sb-cmdk__keys">{a.shortcuts?.map((s) => <kbd key={s}>{s}</kbd>)}</span>
              </button>
            </li>
          ))}
          {items.length === 0 ? <li className="sb-muted">No command matches.</li> : null}
        </ul>
      </div>
    </div>
  );
}
