// The merge report of the trace on screen when it was merged from recorder files (Open
// recording…); null for any other trace or a live session.
import { create } from 'zustand';
import type { MergeSummary } from '../../core/contract';

export const useRecordingStore = create<{ name: string; summary: MergeSummary | null }>(() => ({ name: '', summary: null }));

export function setRecordingReport(name: string, summary: MergeSummary | null): void {
  useRecordingStore.setState({ name, summary });
}
