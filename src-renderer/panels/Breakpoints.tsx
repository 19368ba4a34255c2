// Breakpoints: pause replay when an event matches (interface, event name, node, type, a payload
// field equals a value) or on any RPC timeout, drop or misuse. Listed with enable/disable, delete
// and their hit counts; where they hit is marked on the replay bar's scrubber.
import { useState } from 'react';
import { API_NAMES } from '../../core/api/interfaces';
import { EVENT_TYPES, type EventType } from '../../core/trace/event';
import type { Breakpoint } from '../../core/replay/breakpoints';
import { addBreakpoint, removeBreakpoint, seek, toggleBreakpoint, useReplayStore } from '../replay/replay-store';
import { describeBreakpoint, matchFromForm, type BreakpointForm, EMPTY_FORM } from '../replay/breakpoint-form';
import { useShownNodes } from '../canvas/shown-topology';
import { useUiStore } from '../stores/ui-store';

export function Breakpoints() {
  const bps = useReplayStore((s) => s.breakpoints);
  const hits = useReplayStore((s) => s.hits);
  // The trace's nodes when a trace of another project is shown.
  const nodes = useShownNodes();
  const [form, setForm] = useState<BreakpointForm>(EMPTY_FORM);
  const set = (patch: Partial<BreakpointForm>) => setForm((f) => ({ ...f, ...patch }));
  const add = () => {
    try {
      addBreakpoint({ match: matchFromForm(form) } as Omit<Breakpoint, 'id'>);
      setForm(EMPTY_FORM);
    } catch (err) {
      useUiStore.getState().notify('error', `Breakpoint not added: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const quick = (kind: 'timeout' | 'drop' | 'misuse') => addBreakpoint({ match: { kind } });
  const countOf = (id: string) => hits.reduce((n, h) => n + (h.ids.includes(id) ? 1 : 0), 0);
  const firstOf = (id: string) => hits.find((h) => h.ids.includes(id));
  return (
    <div className="sb-pane sb-bps" data-testid="breakpoints">
      <div className="sb-pane__main">
        <div className="sb-pane__bar">
          <span>Pause on any</span>
          <button type="button" data-testid="bp-add-timeout" onClick={() => quick('timeout')}>RPC timeout</button>
          <button type="button" data-testid="bp-add-drop" onClick={() => quick('drop')}>drop</button>
          <button type="button" data-testid="bp-add-misuse" onClick={() => quick('misuse')}>misuse</button>
        </div>
        <div className="sb-pane__bar sb-bps__form">
          <span>or when</span>
          <select aria-label="Interface" data-testid="bp-api" value={form.api} onChange={(e) => set({ api: e.target.value })}>
            <option value="">any interface</option>
            {API_NAMES.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <input aria-label="Event name" data-testid="bp-event" placeholder="event name" value={form.event} onChange={(e) => set({ event: e.target.value })} />
          <select aria-label="Node" data-testid="bp-node" value={form.node} onChange={(e) => set({ node: e.target.value })}>
            <option value="">any node</option>
            {nodes?.map((n) => <option key={n.id} value={n.id}>{n.id}</option>)}
          </select>
          <select aria-label="Type" data-testid="bp-type" value={form.type} onChange={(e) => set({ type: e.target.value as EventType | '' })}>
            <option value="">any type</option>
            {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <input aria-label="Field path" data-testid="bp-path" placeholder="data.uid" value={form.path} onChange={(e) => set({ path: e.target.value })} />
          <span>=</span>
          <input aria-label="Field value" data-testid="bp-value" placeholder="101 or &quot;text&quot;" value={form.value} onChange={(e) => set({ value: e.target.value })} />
          <button type="button" data-testid="bp-add" onClick={add}>Add</button>
        </div>
        {bps.length === 0 ? (
          <p className="sb-muted sb-pad">No breakpoints. Replay (▶ on the bar) stops on the first event that matches one.</p>
        ) : (
          <ul className="sb-bps__list">
            {bps.map((b) => {
              const first = firstOf(b.id);
              return (
                <li key={b.id} data-testid="bp-item" data-bp={b.id} className={b.enabled ? '' : 'is-off'}>
                  <label className="sb-check">
                    <input type="checkbox" data-testid="bp-enabled" checked={b.enabled} onChange={() => toggleBreakpoint(b.id)} /> {describeBreakpoint(b)}
                  </label>
                  <span className="sb-muted" data-testid="bp-hits">{countOf(b.id)} hits</span>
                  {first ? <button type="button" onClick={() => seek(first.index)}>first hit #{first.seq}</button> : null}
                  <button type="button" data-testid="bp-delete" aria-label={`Delete ${describeBreakpoint(b)}`} onClick={() => removeBreakpoint(b.id)}>✕</button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
