// Open recording…: Electron asks the host for a folder dialog; the browser picks a folder and
// uploads it. Either way the host merges the files and opens the trace; here the trace's merge
// report is kept for the Recording tab and summed up in a notice.
import type { TraceInfo } from '../../core/contract';
import { getBridge } from '../bridge';
import { traceOpened } from '../replay/trace-opened';
import { useUiStore } from '../stores/ui-store';
import { setRecordingReport } from './recording-store';
import { mergeNotice } from './summary-text';
import { pickFolder, uploadAndMerge } from './upload';

export function recordingOpened(info: TraceInfo | null): void {
  if (!info) return;
  traceOpened({ ...info, badLines: 0, issues: [] });
  setRecordingReport(info.name, info.merge ?? null);
  if (info.merge) {
    const n = mergeNotice(info.name, info.merge);
    useUiStore.getState().notify(info.merge.issueTotal ? 'error' : 'info', n.message, n.details);
  }
}

export async function openRecording(): Promise<void> {
  const ui = useUiStore.getState();
  if (ui.app?.nativeDialogs) return recordingOpened(await getBridge().request('recording.openDialog', {}));
  const picked = await pickFolder();
  if (!picked) return;
  const name = `${picked.folder} (uploading)`;
  try {
    const info = await uploadAndMerge(picked.folder, picked.files, (loaded, total) => ui.setProgress(loaded < total ? { name, loaded, total } : null));
    recordingOpened(info);
  } finally {
    useUiStore.getState().setProgress(null);
  }
}
