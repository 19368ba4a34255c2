// One rule's form: its trigger (event / RPC method / HTTP route) and the calls it makes.
import { useState } from 'react';
import type { ApiName } from '../../../core/api/interfaces';
import type { CallAction, NodeSpec, Project, Rule } from '../../../core/model/schema';
import { ArgsForm } from '../fire/ArgsForm';
import { fireableFor } from '../fire/pick-options';
import { argsToFields, fieldsToArgs } from './rule-forms';
import { parseJson, stringifyJson } from '../../../core/json';

const text = (label: string, value: string, set: (v: string) => void, testId?: string) => (
  <div className="sb-field">
    <label>
      <span className="sb-field__label">{label}</span>
      <input data-testid={testId} value={value} onChange={(e) => set(e.target.value)} />
    </label>
  </div>
);

function JsonField(props: { label: string; value: unknown; onChange: (v: unknown) => void; onError: (e: string | null) => void }) {
  return (
    <div className="sb-field">
      <label>
        <span className="sb-field__label">{props.label}</span>
        <textarea
          rows={2}
          spellCheck={false}
          defaultValue={stringifyJson(props.value)}
          onBlur={(e) => {
            try {
              props.onChange(parseJson(e.target.value));
              props.onError(null);
            } catch {
              props.onError(`${props.label}: not valid JSON`);
            }
          }}
        />
      </label>
    </div>
  );
}

export function RuleForm(props: { project: Project; node: NodeSpec; rule: Rule; error: string | null; onChange: (r: Rule) => void; onSave: () => void; onCancel: () => void; onError: (e: string | null) => void }) {
  const { rule, node } = props;
  const set = (patch: Partial<Rule>) => props.onChange({ ...rule, ...patch } as Rule);
  const apis = fireableFor(node.kind);
  const setAction = (i: number, a: CallAction | null) => set({ actions: a ? rule.actions.map((x, j) => (j === i ? a : x)) : rule.actions.filter((_, j) => j !== i) });
  return (
    <form className="sb-form sb-rule" data-testid="rule-form" onSubmit={(e) => e.preventDefault()}>
      {rule.on === 'event' ? (
        <>
          {text('listen to namespace', rule.namespace, (v) => set({ namespace: v }), 'rule-namespace')}
          {text('systemName', rule.systemName, (v) => set({ systemName: v }), 'rule-systemName')}
          {text('event', rule.event, (v) => set({ event: v }), 'rule-event')}
        </>
      ) : null}
      {rule.on === 'rpc' ? (
        <>
          {node.kind === 'service' ? (
            <div className="sb-field">
              <label>
                <span className="sb-field__label">register</span>
                <select value={rule.register} onChange={(e) => set({ register: e.target.value as 'mod' | 'module' })}>
                  <option value="mod">RegisterRpcMethodForMod (this type)</option>
                  <option value="module">RegisterRpcMethod (module)</option>
                </select>
              </label>
            </div>
          ) : null}
          {rule.register === 'module' ? (
            <div className="sb-field">
              <label>
                <span className="sb-field__label">module</span>
                <select value={rule.module ?? ''} onChange={(e) => set({ module: e.target.value })}>
                  {(node.moduleNames ?? []).map((m) => <option key={m} value={m}>{m}</option>)}
                </select>
              </label>
            </div>
          ) : null}
          {text('method', rule.method, (v) => set({ method: v }), 'rule-method')}
          <div className="sb-field">
            <label>
              <span className="sb-field__label">answer</span>
              <select data-testid="rule-respond" value={rule.respond} onChange={(e) => set({ respond: e.target.value as 'respond' | 'never' | 'late' })}>
                <option value="respond">respond</option>
                <option value="late">respond late</option>
                <option value="never">never respond</option>
              </select>
            </label>
          </div>
          {rule.respond !== 'never' ? text('delay (ms)', String(rule.delayMs), (v) => set({ delayMs: Math.max(0, Number(v) || 0) }), 'rule-delay') : null}
          <JsonField label="response" value={rule.response} onChange={(v) => set({ response: v })} onError={props.onError} />
        </>
      ) : null}
      {rule.on === 'http' ? (
        <>
          {text('path', rule.path, (v) => set({ path: v }), 'rule-path')}
          <JsonField label="response body" value={rule.response} onChange={(v) => set({ response: v })} onError={props.onError} />
        </>
      ) : null}
      <fieldset>
        <legend>then call</legend>
        {rule.actions.map((a, i) => {
          const api = a.call as ApiName;
          return (
            <div key={i} className="sb-rule__action">
              <select value={a.call} onChange={(e) => setAction(i, { ...a, call: e.target.value, args: {} })} aria-label="Interface">
                {apis.map((x) => <option key={x} value={x}>{x}</option>)}
              </select>
              <button type="button" aria-label="Remove call" onClick={() => setAction(i, null)}>×</button>
              {apis.includes(api) ? (
                <ActionArgs key={a.call} api={api} project={props.project} node={node} args={a.args} onArgs={(args) => setAction(i, { ...a, args })} onError={props.onError} />
              ) : <p className="sb-field__error">A {node.kind} cannot call {a.call}.</p>}
            </div>
          );
        })}
        {apis.length ? (
          <button type="button" onClick={() => set({ actions: [...rule.actions, { call: apis[0], args: {}, delayMs: 0 }] })}>+ call</button>
        ) : <p className="sb-muted">A {node.kind} calls no interfaces.</p>}
      </fieldset>
      {props.error ? <p className="sb-field__error">{props.error}</p> : null}
      <div className="sb-rule__buttons">
        <button type="button" className="sb-primary" data-testid="rule-save" onClick={props.onSave}>Save rule</button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** Keeps the typed text while it is not yet valid (a half-typed {"$ref": ...}); saves valid args. */
function ActionArgs(props: { api: ApiName; project: Project; node: NodeSpec; args: CallAction['args']; onArgs: (a: CallAction['args']) => void; onError: (e: string | null) => void }) {
  const [values, setValues] = useState(() => argsToFields(props.api, props.args));
  return (
    <ArgsForm
      api={props.api}
      project={props.project}
      caller={props.node}
      live={{}}
      values={values}
      onChange={(v) => {
        setValues(v);
        const r = fieldsToArgs(props.api, v);
        if (r.ok) props.onArgs(r.args);
        props.onError(r.ok ? null : `${r.field}: ${r.message}`);
      }}
    />
  );
}
