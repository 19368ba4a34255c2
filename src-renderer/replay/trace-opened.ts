// After the host has parsed a trace file (off the UI thread, with progress pushes), it streams the
// events here in batches: remember how many to expect (the bar's progress) and report bad lines
// by number. The rest of the file still loads.
import type { TraceInfo } from '../../core/contract';
import { useUiStore } from '../stores/ui-store';
import { create } from 'zustand';

export const useTraceLoad = create<{ name: string; expected: number }>(() => ({ name: '', expected: 0 }));

export function badLinesText(info: TraceInfo): string[] {
  return info.issues.slice(0, 5).map((i) => `line ${i.line ?? '?'}: ${i.message}`);
}

export function traceOpened(info: TraceInfo | null): void {
  if (!info) return;
  useTraceLoad.setState({ name: info.name, expected: info.events });
  const ui = useUiStore.getState();
  if (info.badLines > 0) ui.notify('error', `${info.name}: ${info.badLines} bad line${info.badLines === 1 ? '' : 's'} skipped; ${info.events} events loaded.`, badLinesText(info));
  if (info.truncated) ui.notify('info', `${info.name}: the last line was cut off (a writer stopped mid-event); it was ignored.`);
}
