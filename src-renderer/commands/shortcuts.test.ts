import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAction, listActions, registerAction, registerCommand, runCommand } from './registry';
import { findAction, shortcutOf } from './shortcuts';

const key = (k: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...m });
const offs: (() => void)[] = [];
afterEach(() => offs.splice(0).forEach((o) => o()));

describe('action registry and shortcuts', () => {
  it('names key events canonically', () => {
    expect(shortcutOf(key(' '))).toBe('Space');
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('Ctrl+Z');
    expect(shortcutOf(key('z', { metaKey: true }))).toBe('Ctrl+Z');
    expect(shortcutOf(key('P', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+P');
    expect(shortcutOf(key('ArrowRight'))).toBe('ArrowRight');
  });

  it('one registration feeds the list, the shortcut lookup and runCommand', async () => {
    const run = vi.fn();
    offs.push(registerAction({ id: 't.undo', title: 'Undo', shortcuts: ['Ctrl+Z'], run }));
    expect(listActions().map((a) => a.id)).toContain('t.undo');
    expect(findAction(key('z', { ctrlKey: true }), false)?.id).toBe('t.undo');
    runCommand('t.undo');
    await Promise.resolve();
    await Promise.resolve();
    expect(run).toHaveBeenCalledOnce();
  });

  it('plain keys do not fire while typing in a field unless the action says so', () => {
    offs.push(registerAction({ id: 't.play', title: 'Play', shortcuts: ['Space'], run: () => {} }));
    offs.push(registerAction({ id: 't.palette', title: 'Palette', shortcuts: ['Ctrl+K'], inFields: true, run: () => {} }));
    expect(findAction(key(' '), true)).toBeUndefined();
    expect(findAction(key(' '), false)?.id).toBe('t.play');
    expect(findAction(key('k', { ctrlKey: true }), true)?.id).toBe('t.palette');
  });

  it('bare commands get a title, and unregistering removes only that registration', () => {
    const off = registerCommand('file.save', () => {});
    expect(getAction('file.save')).toMatchObject({ title: 'Save', shortcuts: ['Ctrl+S'] });
    off();
    expect(getAction('file.save')).toBeUndefined();
  });
});
