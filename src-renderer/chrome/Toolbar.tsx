// Top bar: file actions (native dialogs or upload/download) and the run controls.
import { runCommand } from '../commands/registry';
import { useUiStore } from '../stores/ui-store';
import { RunControls } from './RunControls';

export function Toolbar() {
  const native = useUiStore((s) => s.app?.nativeDialogs === true);
  const theme = useUiStore((s) => s.theme);
  return (
    <header className="sb-toolbar" role="toolbar" aria-label="Main">
      <span className="sb-brand">Switchboard</span>
      <div className="sb-toolbar__group" aria-label="File">
        <button type="button" data-testid="btn-new" onClick={() => runCommand('file.new')}>New</button>
        <button type="button" data-testid="btn-open" onClick={() => runCommand('file.open')}>{native ? 'Open…' : 'Upload…'}</button>
        <button
          type="button"
          data-testid="btn-open-apollo"
          title="Open Apollo project: the folder with deploy.json. Its mods are your own code and run with your rights, like your test suite."
          onClick={() => runCommand('file.openApollo')}
        >
          Apollo…
        </button>
        <button type="button" data-testid="btn-save" onClick={() => runCommand('file.save')}>Save</button>
        <button type="button" data-testid="btn-save-as" onClick={() => runCommand('file.saveAs')}>{native ? 'Save As…' : 'Download'}</button>
        <button type="button" data-testid="btn-open-trace" onClick={() => runCommand('file.openTrace')}>Open trace…</button>
        <button
          type="button"
          data-testid="btn-open-recording"
          title="Open recording: a folder of the files the recorder mod wrote on each Apollo server, merged into one trace"
          onClick={() => runCommand('file.openRecording')}
        >
          Recording…
        </button>
        <button type="button" data-testid="btn-export-trace" onClick={() => runCommand('file.export')}>Export trace</button>
      </div>
      <RunControls />
      <div className="sb-toolbar__spacer" />
      <button type="button" data-testid="btn-theme" aria-label="Toggle theme" onClick={() => runCommand('view.toggleTheme')}>
        {theme === 'dark' ? 'Light' : 'Dark'}
      </button>
    </header>
  );
}
