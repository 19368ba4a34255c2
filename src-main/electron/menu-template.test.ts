import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, RENDERER_COMMANDS, type MenuItemSpec } from './menu-template';

const labels = (m: MenuItemSpec | undefined) => (m?.submenu ?? []).filter((i) => i.label).map((i) => i.label);
const top = (spec: MenuItemSpec[], label: string) => spec.find((m) => m.label === label);

describe('native menu template', () => {
  const spec = buildMenuTemplate({ recent: [{ id: 'abc123', name: 'Quickstart', path: '/p/q.json', openedAt: 1 }], isMac: false, dev: false });

  it('has File, Edit, View and Help with the documented items', () => {
    expect(spec.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(top(spec, 'File'))).toEqual(['New', 'Open…', 'Open Apollo Project…', 'Open Recent', 'Save', 'Save As…', 'Open Trace…', 'Open Recording…', 'Export Trace…']);
    expect(labels(top(spec, 'Edit'))).toEqual(['Undo', 'Redo']);
    expect(labels(top(spec, 'Help'))).toEqual(['About Switchboard']);
  });

  it('names recent files by id in commands', () => {
    const recent = top(spec, 'File')?.submenu?.find((i) => i.label === 'Open Recent');
    expect(recent?.submenu?.[0].command).toBe('file.openRecent:abc123');
  });

  it('Open Recording… runs in the renderer, which shows the merge report', () => {
    expect(RENDERER_COMMANDS.has('file.openRecording')).toBe(true);
  });

  it('offers devtools only in development', () => {
    const roles = (s: MenuItemSpec[]) => JSON.stringify(s).includes('toggleDevTools');
    expect(roles(spec)).toBe(false);
    expect(roles(buildMenuTemplate({ recent: [], isMac: true, dev: true }))).toBe(true);
  });
});
