// Scenarios: which one the session runs, the project's list (add, rename, delete), the picked
// one's steps as a table, and recording what the fire panel sends as new steps.
import { useEffect, useState } from 'react';
import type { Project } from '../../../core/model/schema';
import { getBridge } from '../../bridge';
import { editProject } from '../../edit/project-edits';
import { addScenario, addSteps, defaultStep, deleteScenario, renameScenario, scenarioNameIssue } from '../../edit/scenarios';
import { useDocumentStore } from '../../stores/document-store';
import { useRecorderStore } from '../../stores/recorder-store';
import { useSessionStore } from '../../stores/session-store';
import { useUiStore } from '../../stores/ui-store';
import { useLivePlayers } from '../fire/use-live-players';
import { Row, TextInput } from '../inspector/fields';
import { StepRow } from './StepRow';
import './scenarios.css';

/** Restart the session on `scenario` (null: free play), keeping its seed. */
export async function runScenario(scenario: string | null): Promise<void> {
  try {
    const seed = useSessionStore.getState().status?.seed;
    useSessionStore.getState().setStatus(await getBridge().request('session.start', { scenario, ...(seed !== undefined ? { seed } : {}) }));
  } catch (err) {
    useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err));
  }
}

function ScenarioEditor({ project, name, onRenamed }: { project: Project; name: string; onRenamed: (to: string) => void }) {
  const index = project.scenarios.findIndex((s) => s.name === name);
  const scenario = project.scenarios[index];
  const running = useSessionStore((s) => s.status?.scenario ?? null);
  const live = useLivePlayers(project);
  const recTarget = useRecorderStore((s) => s.target);
  const recCount = useRecorderStore((s) => s.steps.length);
  const [nameText, setNameText] = useState(name);
  useEffect(() => setNameText(name), [name]);
  const nameError = scenarioNameIssue(project, name, nameText);
  const rename = () => {
    if (nameText === name || nameError) return;
    const to = nameText;
    void editProject((p) => renameScenario(p, name, to), running === name ? to : undefined).then((ok) => ok && onRenamed(to));
  };
  const addStep = () => {
    const last = scenario.steps.at(-1)?.at ?? 0;
    void editProject((p) => addSteps(p, name, [defaultStep(p, 'call', scenario.steps.length ? last + 100 : 0)]));
  };
  const toggleRecord = async () => {
    const rec = useRecorderStore.getState();
    if (rec.target === null) return rec.start(name);
    const { target, steps } = rec.stop();
    if (target && steps.length > 0) await editProject((p) => addSteps(p, target, steps));
  };
  return (
    <div className="sb-scn__editor" data-testid="scenario-editor">
      <div className="sb-scn__head">
        <Row label="name" error={nameError}>
          <TextInput testId="scenario-name" value={name} onChange={setNameText} onCommit={rename} />
        </Row>
        <button type="button" className="sb-primary" data-testid="scenario-run-this" disabled={running === name} onClick={() => void runScenario(name)}>
          {running === name ? 'Session runs this' : 'Run this scenario'}
        </button>
        <button type="button" data-testid="scenario-record" disabled={recTarget !== null && recTarget !== name} onClick={() => void toggleRecord()} title="Record what you send from the Fire panel as steps of this scenario">
          {recTarget === name ? `■ Stop recording (${recCount} step${recCount === 1 ? '' : 's'})` : '● Record fire panel'}
        </button>
        <button type="button" data-testid="scenario-delete" onClick={() => void editProject((p) => deleteScenario(p, name))}>Delete scenario</button>
      </div>
      {scenario.steps.length === 0 ? <p className="sb-muted">No steps yet: add one, or record what you send from the Fire panel.</p> : null}
      <table className="sb-scn__table">
        <tbody>
          {scenario.steps.map((st, i) => <StepRow key={`${i}:${st.do}`} project={project} scenario={index} index={i} step={st} live={live} />)}
        </tbody>
      </table>
      <button type="button" data-testid="step-add" onClick={addStep}>+ step</button>
    </div>
  );
}

export function ScenariosPanel() {
  const project = useDocumentStore((s) => s.doc?.project);
  const running = useSessionStore((s) => s.status?.scenario ?? null);
  const [picked, setPicked] = useState<string | null>(null);
  if (!project) return null;
  const names = project.scenarios.map((s) => s.name);
  const editing = picked !== null && names.includes(picked) ? picked : running !== null && names.includes(running) ? running : (names[0] ?? null);
  const add = async () => {
    let added = '';
    const ok = await editProject((p) => {
      const r = addScenario(p);
      added = r.name;
      return r.project;
    });
    if (ok) setPicked(added);
  };
  return (
    <div className="sb-scn" data-testid="scenarios">
      <div className="sb-scn__list">
        <label className="sb-scn__run">
          <span className="sb-field__label">session runs</span>
          <select data-testid="scenario-run" value={running ?? ''} onChange={(e) => void runScenario(e.target.value === '' ? null : e.target.value)}>
            <option value="">no scenario (free play)</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <ul>
          {project.scenarios.map((s) => (
            <li key={s.name}>
              <button type="button" data-testid={`scenario-item-${s.name}`} aria-pressed={s.name === editing} onClick={() => setPicked(s.name)}>
                {s.name === running ? '▶ ' : ''}{s.name} <span className="sb-muted">{s.steps.length} step{s.steps.length === 1 ? '' : 's'}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" data-testid="scenario-add" onClick={() => void add()}>+ scenario</button>
      </div>
      {editing !== null ? <ScenarioEditor key={editing} project={project} name={editing} onRenamed={setPicked} /> : <p className="sb-muted">This project has no scenarios yet.</p>}
    </div>
  );
}
