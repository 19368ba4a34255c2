// Typed fields for one interface's parameters: dropdowns where a valid target list exists,
// numbers for int/number, JSON for dicts, a checkbox for "with callback".
import type { ApiName } from '../../../core/api/interfaces';
import type { NodeSpec, Project } from '../../../core/model/schema';
import { choicesFor, formParams, type FieldValues, type LivePlayers } from './pick-options';

export function ArgsForm(props: { api: ApiName; project: Project; caller?: NodeSpec; live: LivePlayers; values: FieldValues; onChange: (v: FieldValues) => void; error?: { field: string; message: string } | null }) {
  const { api, values } = props;
  const set = (name: string, v: string | boolean) => props.onChange({ ...values, [name]: v });
  return (
    <div className="sb-args">
      {formParams(api).map((p) => {
        const id = `arg-${p.name}`;
        const choices = choicesFor(p.pick, props.project, props.caller, props.live);
        const v = values[p.name];
        const err = props.error?.field === p.name ? props.error.message : undefined;
        let input;
        if (p.type === 'callback') {
          input = <input type="checkbox" data-testid={id} checked={v !== false} onChange={(e) => set(p.name, e.target.checked)} />;
        } else if (choices && choices.length > 0) {
          const known = choices.some((c) => c.value === v);
          input = (
            <select data-testid={id} value={known ? String(v) : ''} onChange={(e) => set(p.name, e.target.value)}>
              <option value="">— pick —</option>
              {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          );
        } else if (p.type === 'dict') {
          input = <textarea data-testid={id} rows={2} spellCheck={false} value={String(v ?? '')} onChange={(e) => set(p.name, e.target.value)} />;
        } else {
          input = <input data-testid={id} inputMode={p.type === 'int' || p.type === 'number' ? 'decimal' : undefined} placeholder={p.optional ? 'optional' : ''} value={String(v ?? '')} onChange={(e) => set(p.name, e.target.value)} />;
        }
        return (
          <div key={p.name} className={`sb-field${err ? ' has-error' : ''}`}>
            <label>
              <span className="sb-field__label">
                {p.name} <span className="sb-muted">{p.type === 'callback' ? 'with callback' : p.type}</span>
              </span>
              {input}
            </label>
            {err ? <div className="sb-field__error">{err}</div> : null}
          </div>
        );
      })}
    </div>
  );
}
