// The connection between two nodes: latency, jitter and loss (stored in project.links; empty
// fields fall back to the project's defaults). Each field validates as it is typed.
import { useEffect, useState } from 'react';
import type { Project } from '../../../core/model/schema';
import { editProject } from '../../edit/project-edits';
import { findLink, setLink } from '../../edit/topology';
import { Row, TextInput } from './fields';
import { parseLinkField, type LinkField } from './link-fields';

function Field(props: { project: Project; a: string; b: string; f: LinkField; label: string; def: number; hint: string }) {
  const { project, a, b, f } = props;
  const stored = findLink(project, a, b)?.[f];
  const shown = stored === undefined ? '' : String(stored);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const parsed = parseLinkField(f, text);
  const commit = () => {
    if (!parsed.ok || parsed.value === stored) return;
    void editProject((p) => setLink(p, a, b, { [f]: parsed.value }));
  };
  return (
    <Row label={props.label} hint={`${props.hint}; default ${props.def}`} error={parsed.ok ? undefined : parsed.message}>
      <TextInput testId={`link-${f}`} inputMode="decimal" placeholder={String(props.def)} value={shown} onChange={setText} onCommit={commit} />
    </Row>
  );
}

export function LinkForm({ project, a, b }: { project: Project; a: string; b: string }) {
  const link = findLink(project, a, b);
  const o = project.options;
  return (
    <form className="sb-form" data-testid="link-form" onSubmit={(e) => e.preventDefault()}>
      <div className="sb-form__id">
        <b>{a}</b> ↔ <b>{b}</b> <span className="sb-muted">{link ? 'link' : 'implied'}</span>
      </div>
      <Field key={`${a}|${b}|l`} project={project} a={a} b={b} f="latencyMs" label="latency (ms)" def={o.defaultLatencyMs} hint="one way" />
      <Field key={`${a}|${b}|j`} project={project} a={a} b={b} f="jitterMs" label="jitter (ms)" def={o.defaultJitterMs} hint="± per message" />
      <Field key={`${a}|${b}|x`} project={project} a={a} b={b} f="loss" label="loss (0–1)" def={o.defaultLoss} hint="probability a message is lost" />
    </form>
  );
}
