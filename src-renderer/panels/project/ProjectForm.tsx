// The project itself, shown in Inspect when nothing is selected: its name and its options
// (semantics §4), validated inline by the core validator. A valid change is one undoable edit on
// blur, Enter or pick; the host restarts the session so Run uses the new options.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '../../../core/model/schema';
import { editProject } from '../../edit/project-edits';
import { Row, TextInput } from '../inspector/fields';
import { issueAt } from '../inspector/node-issues';
import { OPTION_FIELDS, optionIssues, parseNumber } from './options';
import './project.css';
import { stringifyJson } from '../../../core/json';

export function ProjectForm({ project }: { project: Project }) {
  const [draft, setDraft] = useState<Record<string, unknown>>(project.options);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = project.options;
    setDraft(project.options);
  }, [project.options]);
  const issues = useMemo(() => optionIssues(project, draft), [project, draft]);

  const change = (key: string, value: unknown) => {
    draftRef.current = { ...draftRef.current, [key]: value };
    setDraft(draftRef.current);
  };
  const commit = () => {
    const d = draftRef.current;
    if (stringifyJson(d) === stringifyJson(project.options)) return;
    if (!optionIssues(project, d).ok) return;
    void editProject((p) => ({ ...p, options: d as Project['options'] }));
  };
  const [name, setName] = useState(project.name);
  useEffect(() => setName(project.name), [project.name]);

  return (
    <form className="sb-form" data-testid="project-form" onSubmit={(e) => e.preventDefault()}>
      <p className="sb-muted">Select a node or a connection to edit it; drag a kind from the palette to add one.</p>
      <div className="sb-form__id">
        <b>Project</b> <span className="sb-muted">options for every node and link</span>
      </div>
      <Row label="name" error={name.trim() === '' ? 'a name is required' : undefined}>
        <TextInput testId="project-name" value={project.name} onChange={setName} onCommit={() => name.trim() !== '' && name !== project.name && void editProject((p) => ({ ...p, name }))} />
      </Row>
      {OPTION_FIELDS.map((f) => {
        const v = draft[f.key];
        const err = issueAt(issues.errors, `.${f.key}`);
        const testId = `option-${f.key}`;
        let input;
        if (f.input === 'checkbox') {
          input = <input type="checkbox" className="sb-check" data-testid={testId} checked={v === true} onChange={(e) => (change(f.key, e.target.checked), commit())} />;
        } else if (f.input === 'select') {
          input = (
            <select data-testid={testId} value={String(v)} onChange={(e) => (change(f.key, e.target.value), commit())}>
              {f.choices?.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          );
        } else {
          input = <TextInput testId={testId} inputMode="decimal" value={String(project.options[f.key])} onChange={(t) => change(f.key, parseNumber(t))} onCommit={commit} />;
        }
        return (
          <Row key={f.key} label={f.label} error={err} hint={f.hint}>
            {input}
          </Row>
        );
      })}
      {!issues.ok ? <p className="sb-field__error" data-testid="project-invalid">Not applied until valid.</p> : null}
    </form>
  );
}
