// What the fire panel sent, as a scenario step at the session's virtual now (kept only while the
// Scenarios panel is recording).
import type { ScenarioStep } from '../../../core/model/schema';
import { useRecorderStore } from '../../stores/recorder-store';
import { useSessionStore } from '../../stores/session-store';

export type StepInput = ScenarioStep extends infer S ? (S extends ScenarioStep ? Omit<S, 'at'> : never) : never;

export function recordStep(step: StepInput): void {
  const now = useSessionStore.getState().status?.now ?? 0;
  useRecorderStore.getState().record({ at: Math.max(0, Math.round(now)), ...step } as ScenarioStep);
}
