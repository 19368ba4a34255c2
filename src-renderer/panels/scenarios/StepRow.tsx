// One scenario step as a table row: its time, its kind and that kind's fields with typed inputs
// (node dropdowns offer only the kinds the step takes; a call's arguments use the fire panel's
// form). A valid change is one undoable edit; an invalid one shows the validator's message inline.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { INTERFACES, type ApiName } from '../../../core/api/interfaces';
import type { Project, ScenarioStep } from '../../../core/model/schema';
import { editProject } from '../../edit/project-edits';
import { changeStepKind, removeStep, setStep, STEP_FIELDS, STEP_KINDS, type StepField, type StepKind } from '../../edit/scenarios';
import { ArgsForm } from '../fire/ArgsForm';
import { argsToValues, fireableFor, toArgs, type FieldValues, type LivePlayers } from '../fire/pick-options';
import { TextInput } from '../inspector/fields';
import { issueAt, scopedIssues } from '../inspector/node-issues';
import { parseNumber } from '../project/options';
import { parseJson, stringifyJson } from '../../../core/json';

type Props = { project: Project; scenario: number; index: number; step: ScenarioStep; live: LivePlayers };
type Loose = Record<string, unknown>;
const isApi = (s: string): s is ApiName => Object.prototype.hasOwnProperty.call(INTERFACES, s);

function Cell(props: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className={`sb-scn__cell${props.error ? ' has-error' : ''}`}>
      <span className="sb-field__label">{props.label}</span>
      {props.children}
      {props.error ? <span className="sb-field__error">{props.error}</span> : null}
    </label>
  );
}

export function StepRow({ project, scenario, index, step, live }: Props) {
  const name = project.scenarios[scenario].name;
  const [draft, setDraft] = useState<ScenarioStep>(step);
  const draftRef = useRef(draft);
  const callValues = (s: ScenarioStep): FieldValues => (s.do === 'call' && isApi(s.api) ? argsToValues(s.api, s.args) : {});
  const [values, setValues] = useState<FieldValues>(() => callValues(step));
  const [argError, setArgError] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => {
    draftRef.current = step;
    setDraft(step);
    setValues(callValues(step));
    setArgError(null);
  }, [step]);
  const withDraft = (d: ScenarioStep) => ({ ...project, scenarios: project.scenarios.map((s, i) => (i === scenario ? { ...s, steps: s.steps.map((x, j) => (j === index ? d : x)) } : s)) });
  const prefix = `$.scenarios[${scenario}].steps[${index}]`;
  const issues = useMemo(() => scopedIssues(withDraft(draft), prefix), [project, draft, scenario, index]);
  const err = (f: string) => issueAt(issues.errors, `.${f}`) ?? issueAt(issues.warnings, `.${f}`);

  const change = (patch: Loose): ScenarioStep => {
    const next = { ...(draftRef.current as Loose) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    draftRef.current = next as ScenarioStep;
    setDraft(draftRef.current);
    return draftRef.current;
  };
  const commit = (d: ScenarioStep = draftRef.current) => {
    if (stringifyJson(d) === stringifyJson(step)) return;
    if (!scopedIssues(withDraft(d), prefix).ok) return;
    void editProject((p) => setStep(p, name, index, d));
  };

  const d = draft as Loose;
  const caller = draft.do === 'call' ? project.nodes.find((n) => n.id === draft.node) : undefined;
  const field = (f: StepField) => {
    const id = `step-${index}-${f.name}`;
    const v = d[f.name];
    if (f.input === 'node') {
      const nodes = project.nodes.filter((n) => !f.kinds || f.kinds.includes(n.kind));
      const known = nodes.some((n) => n.id === v);
      return (
        <Cell key={f.name} label={f.name} error={err(f.name)}>
          <select data-testid={id} value={String(v ?? '')} onChange={(e) => commit(change({ [f.name]: e.target.value }))}>
            {!known ? <option value={String(v ?? '')}>{v ? `${String(v)} (missing)` : '— pick —'}</option> : null}
            {nodes.map((n) => <option key={n.id} value={n.id}>{n.id}{n.name && n.name !== n.id ? ` · ${n.name}` : ''}</option>)}
          </select>
        </Cell>
      );
    }
    if (f.input === 'server' || f.input === 'serverType') {
      const servers = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
      const opts = f.input === 'server'
        ? servers.flatMap((s) => (s.serverId === undefined ? [] : [{ value: String(s.serverId), label: `${s.serverId} · ${s.name ?? s.id}` }]))
        : [...new Set(servers.flatMap((s) => (s.type ? [s.type] : [])))].map((t) => ({ value: t, label: t }));
      return (
        <Cell key={f.name} label={f.name} error={err(f.name)}>
          <select data-testid={id} value={v === undefined ? '' : String(v)} onChange={(e) => commit(change({ [f.name]: e.target.value === '' ? undefined : f.input === 'server' ? Number(e.target.value) : e.target.value }))}>
            <option value="">{f.input === 'server' ? "master's choice" : '—'}</option>
            {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </Cell>
      );
    }
    if (f.input === 'api') {
      const apis = caller ? fireableFor(caller.kind) : [];
      return (
        <Cell key={f.name} label="interface" error={err('api')}>
          <select
            data-testid={id}
            value={String(v ?? '')}
            onChange={(e) => {
              const api = e.target.value as ApiName;
              const args = argsToValues(api, {});
              const r = toArgs(api, args);
              setValues(args);
              commit(change({ api, args: r.ok ? r.args : {} }));
            }}
          >
            {!apis.includes(v as ApiName) ? <option value={String(v ?? '')}>{String(v ?? '— pick —')}</option> : null}
            {apis.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </Cell>
      );
    }
    const parse = f.input === 'loss' ? parseNumber : f.input === 'jsonArray' ? parseJsonArray : (t: string) => t;
    const shown = (step as Loose)[f.name];
    return (
      <Cell key={f.name} label={f.name} error={err(f.name)}>
        <TextInput testId={id} inputMode={f.input === 'loss' ? 'decimal' : undefined} value={f.input === 'jsonArray' && Array.isArray(shown) ? stringifyJson(shown) : String(shown ?? '')} onChange={(t) => change({ [f.name]: parse(t) })} onCommit={() => commit()} />
      </Cell>
    );
  };

  return (
    <tr className={issues.ok ? '' : 'has-error'} data-testid="scenario-step" data-do={draft.do}>
      <td className="sb-scn__at">
        <Cell label="at (ms)" error={err('at')}>
          <TextInput testId={`step-${index}-at`} inputMode="decimal" value={String(step.at)} onChange={(t) => change({ at: parseNumber(t) })} onCommit={() => commit()} />
        </Cell>
      </td>
      <td>
        <Cell label="do">
          <select data-testid={`step-${index}-do`} value={draft.do} onChange={(e) => {
            const next = changeStepKind(project, draftRef.current, e.target.value as StepKind);
            draftRef.current = next;
            setDraft(next);
            setValues(callValues(next));
            commit(next);
          }}>
            {STEP_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </Cell>
      </td>
      <td className="sb-scn__fields">
        {STEP_FIELDS[draft.do].map(field)}
        {draft.do === 'call' && caller && isApi(draft.api) ? (
          <div
            className="sb-scn__args"
            data-testid={`step-${index}-args`}
            onBlur={() => {
              const r = toArgs(draft.api as ApiName, values);
              if (!r.ok) return setArgError({ field: r.field, message: r.message });
              setArgError(null);
              commit(change({ args: r.args }));
            }}
          >
            <ArgsForm api={draft.api as ApiName} project={project} caller={caller} live={live} values={values} onChange={setValues} error={argError ?? (err('args') ? { field: '', message: '' } : null)} />
            {err('args') ? <span className="sb-field__error">{err('args')}</span> : null}
          </div>
        ) : null}
        {!issues.ok && issues.other.length > 0 && issues.errors.size === 0 ? <span className="sb-field__error">{issues.other[0]}</span> : null}
      </td>
      <td>
        <button type="button" aria-label="Remove step" data-testid={`step-${index}-remove`} onClick={() => void editProject((p) => removeStep(p, name, index))}>×</button>
      </td>
    </tr>
  );
}

/** An `args` list typed as JSON; text that is not a JSON array stays text, so validation names it. */
function parseJsonArray(text: string): unknown {
  try {
    const v: unknown = parseJson(text);
    return Array.isArray(v) ? v : text;
  } catch {
    return text;
  }
}
