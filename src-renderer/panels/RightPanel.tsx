// Right dock: Inspect (properties), Behaviours (rules) and Fire (send an interface, apply a step).
import type { ComponentType } from 'react';
import { useCanvasStore, type RightTab } from '../stores/canvas-store';
import { BehavioursEditor } from './behaviours/BehavioursEditor';
import { FirePanel } from './fire/FirePanel';
import { Inspector } from './Inspector';

const TABS: { id: RightTab; title: string; component: ComponentType }[] = [
  { id: 'inspect', title: 'Inspect', component: Inspector },
  { id: 'behaviours', title: 'Behaviours', component: BehavioursEditor },
  { id: 'fire', title: 'Fire', component: FirePanel },
];

export function RightPanel() {
  const active = useCanvasStore((s) => s.rightTab);
  const setTab = useCanvasStore((s) => s.setRightTab);
  const tab = TABS.find((t) => t.id === active) ?? TABS[0];
  const Active = tab.component;
  return (
    <aside className="sb-inspector" data-testid="inspector" aria-label="Inspector">
      <div className="sb-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t.id === active} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>
            {t.title}
          </button>
        ))}
      </div>
      <div className="sb-inspector__body" role="tabpanel">
        <Active />
      </div>
    </aside>
  );
}
