import { describe, expect, it } from 'vitest';
import { Project, ScenarioStep } from '../../core/model/schema';
import { validateProject } from '../../core/model/validate';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { addScenario, addSteps, changeStepKind, defaultStep, deleteScenario, describeStep, removeStep, renameScenario, scenarioNameIssue, setStep, STEP_KINDS } from './scenarios';

const quickstart = Project.parse(quickstartJson);

describe('scenario edits', () => {
  it('adds a scenario with a free name, renames and deletes it', () => {
    const a = addScenario(quickstart);
    expect(a.name).toBe('scenario');
    const b = addScenario(a.project);
    expect(b.name).toBe('scenario 2');
    expect(scenarioNameIssue(b.project, 'scenario 2', 'scenario')).toMatch(/another scenario/);
    expect(scenarioNameIssue(b.project, 'scenario 2', ' ')).toMatch(/required/);
    expect(scenarioNameIssue(b.project, 'scenario 2', 'login storm')).toBeUndefined();
    const r = renameScenario(b.project, 'scenario 2', 'login storm');
    expect(r.scenarios.map((s) => s.name)).toEqual(['tour', 'rpc-timeout', 'scenario', 'login storm']);
    expect(deleteScenario(r, 'tour').scenarios.map((s) => s.name)).toEqual(['rpc-timeout', 'scenario', 'login storm']);
    expect(validateProject(r).ok).toBe(true);
  });

  it('keeps steps ordered by time when adding, and edits or removes one by index', () => {
    let p = addSteps(quickstart, 'rpc-timeout', [{ at: 50, do: 'start', node: 'service-8000' }]);
    expect(p.scenarios[1].steps.map((s) => s.at)).toEqual([0, 50, 100]);
    p = setStep(p, 'rpc-timeout', 1, { at: 60, do: 'start', node: 'service-8001' });
    expect(p.scenarios[1].steps[1]).toEqual({ at: 60, do: 'start', node: 'service-8001' });
    p = removeStep(p, 'rpc-timeout', 0);
    expect(p.scenarios[1].steps.map((s) => s.do)).toEqual(['start', 'call']);
    expect(quickstart.scenarios[1].steps).toHaveLength(2);
  });

  it('makes a valid default step of every kind', () => {
    for (const kind of STEP_KINDS) {
      const step = defaultStep(quickstart, kind, 10);
      expect(ScenarioStep.safeParse(step).success, kind).toBe(true);
      const p = addSteps(quickstart, 'tour', [step]);
      const r = validateProject(p);
      expect(r.ok ? [] : r.errors, kind).toEqual([]);
    }
  });

  it('switches a step kind keeping its time and the node it named where that fits', () => {
    const stop = { at: 30, do: 'stop' as const, node: 'client-3' };
    expect(changeStepKind(quickstart, stop, 'logout')).toEqual({ at: 30, do: 'logout', client: 'client-3' });
    expect(changeStepKind(quickstart, stop, 'cut')).toMatchObject({ at: 30, do: 'cut', a: 'client-3' });
    // A master cannot be a client: the default client stays.
    expect(changeStepKind(quickstart, { at: 1, do: 'stop', node: 'master' }, 'login')).toEqual({ at: 1, do: 'login', client: 'client-1' });
    expect(changeStepKind(quickstart, stop, 'stop')).toBe(stop);
  });

  it('describes a step in one line', () => {
    expect(describeStep({ at: 400, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: {} })).toBe('at 400 ms · call lobby-4000 RequestToServiceMod');
    expect(describeStep({ at: 0, do: 'login', client: 'client-1' })).toBe('at 0 ms · login client-1');
  });
});
