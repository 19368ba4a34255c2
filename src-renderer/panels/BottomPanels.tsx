// Bottom dock: tabs of panels, the event log first. New panels add an entry to PANELS.
import { useState, type ComponentType } from 'react';
import { EventLog } from './EventLog';
import { ModLog } from './mods/ModLog';
import { Breakpoints } from './Breakpoints';
import { Problems, ProblemsBadge } from './Problems';
import { RpcTimeline } from './RpcTimeline';
import { SequenceView } from './SequenceView';
import { ScenariosPanel } from './scenarios/ScenariosPanel';
import { ReplayBar } from '../replay/ReplayBar';
import { PanelResizer } from './PanelResizer';
import { ToursPanel } from '../tours/ToursPanel';
import { InterfaceDiagrams } from '../diagrams/InterfaceDiagrams';
import { RecordingReport } from '../recording/RecordingReport';

export const PANELS: { id: string; title: string; component: ComponentType; badge?: ComponentType }[] = [
  { id: 'event-log', title: 'Event log', component: EventLog },
  { id: 'mod-log', title: 'Log', component: ModLog },
  { id: 'problems', title: 'Problems', component: Problems, badge: ProblemsBadge },
  { id: 'scenarios', title: 'Scenarios', component: ScenariosPanel },
  { id: 'rpc-timeline', title: 'RPC timeline', component: RpcTimeline },
  { id: 'sequence', title: 'Sequence', component: SequenceView },
  { id: 'breakpoints', title: 'Breakpoints', component: Breakpoints },
  { id: 'recording', title: 'Recording', component: RecordingReport },
  { id: 'tours', title: 'Tours', component: ToursPanel },
  { id: 'interfaces', title: 'Interfaces', component: InterfaceDiagrams },
];

export function BottomPanels() {
  const [active, setActive] = useState(PANELS[0].id);
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0];
  const Active = panel.component;
  return (
    <section className="sb-bottom" aria-label="Panels">
      <PanelResizer />
      <ReplayBar />
      <div className="sb-tabs" role="tablist">
        {PANELS.map((p) => (
          <button key={p.id} type="button" role="tab" aria-selected={p.id === active} data-testid={`tab-${p.id}`} onClick={() => setActive(p.id)}>
            {p.title}
            {p.badge && <p.badge />}
          </button>
        ))}
      </div>
      <div className="sb-bottom__body" role="tabpanel">
        <Active />
      </div>
    </section>
  );
}
