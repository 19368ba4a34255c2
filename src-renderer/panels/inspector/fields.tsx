// Form fields with their validation message beside them (by JSON path inside the node).
import { useEffect, useState, type ReactNode } from 'react';

export function Row(props: { label: string; error?: string; warning?: string; children: ReactNode; hint?: string }) {
  return (
    <div className={`sb-field${props.error ? ' has-error' : ''}`}>
      <label>
        <span className="sb-field__label">{props.label}</span>
        {props.children}
      </label>
      {props.error ? <div className="sb-field__error">{props.error}</div> : props.warning ? <div className="sb-field__warning">{props.warning}</div> : props.hint ? <div className="sb-field__hint">{props.hint}</div> : null}
    </div>
  );
}

/** A text input that edits locally and commits on blur or Enter (one undo step per field edit). */
export function TextInput(props: { value: string; onChange: (v: string) => void; onCommit: () => void; testId?: string; placeholder?: string; inputMode?: 'numeric' | 'decimal' }) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  return (
    <input
      data-testid={props.testId}
      value={v}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      onChange={(e) => {
        setV(e.target.value);
        props.onChange(e.target.value);
      }}
      onBlur={props.onCommit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onCommit();
      }}
    />
  );
}
