// The connection between two nodes: latency, jitter and loss (stored in project.links; empty
// fields fall back to the project's defaults).
import type { Project } from '../../../core/model/schema';
import { editProject } from '../../edit/project-edits';
import { findLink, setLink } from '../../edit/topology';
import { Row, TextInput } from './fields';

export function LinkForm({ project, a, b }: { project: Project; a: string; b: string }) {
  const link = findLink(project, a, b);
  const o = project.options;
  const set = (field: 'latencyMs' | 'jitterMs' | 'loss', v: string) => {
    const n = v.trim() === '' ? undefined : Number(v);
    if (n !== undefined && (!Number.isFinite(n) || n < 0 || (field === 'loss' && n > 1))) return;
    if (n === link?.[field]) return;
    void editProject((p) => setLink(p, a, b, { [field]: n }));
  };
  const field = (f: 'latencyMs' | 'jitterMs' | 'loss', label: string, def: number, hint: string) => {
    const v = link?.[f];
    const bad = (text: string) => {
      const n = Number(text);
      return text.trim() !== '' && (!Number.isFinite(n) || n < 0 || (f === 'loss' && n > 1));
    };
    let pending = v === undefined ? '' : String(v);
    return (
      <Row label={label} hint={`${hint}; default ${def}`} error={bad(pending) ? 'must be a number ≥ 0' : undefined}>
        <TextInput testId={`link-${f}`} inputMode="decimal" placeholder={String(def)} value={v === undefined ? '' : String(v)} onChange={(t) => (pending = t)} onCommit={() => set(f, pending)} />
      </Row>
    );
  };
  return (
    <form className="sb-form" data-testid="link-form" onSubmit={(e) => e.preventDefault()}>
      <div className="sb-form__id">
        <b>{a}</b> ↔ <b>{b}</b> <span className="sb-muted">{link ? 'link' : 'implied'}</span>
      </div>
      {field('latencyMs', 'latency (ms)', o.defaultLatencyMs, 'one way')}
      {field('jitterMs', 'jitter (ms)', o.defaultJitterMs, '± per message')}
      {field('loss', 'loss (0–1)', o.defaultLoss, 'probability a message is lost')}
    </form>
  );
}
