import { describe, expect, it } from 'vitest';
import { Project } from '../../core/model/schema';
import { validateProject } from '../../core/model/validate';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { renameIssue, renameNode } from './rename';

const quickstart = Project.parse(quickstartJson);

describe('renaming a node id', () => {
  it('updates the node, its links and every scenario step that names it', () => {
    const p = renameNode(quickstart, 'client-2', 'alice');
    expect(p.nodes.some((n) => n.id === 'client-2')).toBe(false);
    expect(p.nodes.find((n) => n.id === 'alice')?.uid).toBe(quickstart.nodes.find((n) => n.id === 'client-2')?.uid);
    expect(p.links.find((l) => l.a === 'alice')).toMatchObject({ b: 'proxy-2000', latencyMs: 10 });
    const tour = p.scenarios.find((s) => s.name === 'tour')!;
    expect(tour.steps.find((s) => s.do === 'transfer')).toMatchObject({ client: 'alice' });
    expect(JSON.stringify(p)).not.toContain('"client-2"');
    expect(validateProject(p).ok).toBe(true);
  });

  it('renames node/a/b references in stop, cut and call steps, leaving others alone', () => {
    const base = { ...quickstart, scenarios: [{ name: 's', steps: [
      { at: 0, do: 'stop' as const, node: 'service-8000' },
      { at: 1, do: 'cut' as const, a: 'lobby-4000', b: 'service-8000' },
      { at: 2, do: 'call' as const, node: 'service-8000', api: 'BroadcastToService', args: { eventName: 'service-8000' } },
      { at: 3, do: 'stop' as const, node: 'service-8001' },
    ] }] };
    const p = renameNode(base, 'service-8000', 'idv');
    expect(p.scenarios[0].steps).toEqual([
      { at: 0, do: 'stop', node: 'idv' },
      { at: 1, do: 'cut', a: 'lobby-4000', b: 'idv' },
      { at: 2, do: 'call', node: 'idv', api: 'BroadcastToService', args: { eventName: 'service-8000' } },
      { at: 3, do: 'stop', node: 'service-8001' },
    ]);
  });

  it('is the same project for a no-op or an unknown node', () => {
    expect(renameNode(quickstart, 'master', 'master')).toBe(quickstart);
    expect(renameNode(quickstart, 'nope', 'x')).toBe(quickstart);
  });

  it('refuses duplicates, empty and padded ids', () => {
    expect(renameIssue(quickstart, 'client-1', 'client-2')).toMatch(/already the id/);
    expect(renameIssue(quickstart, 'client-1', '')).toMatch(/required/);
    expect(renameIssue(quickstart, 'client-1', ' a')).toMatch(/spaces/);
    expect(renameIssue(quickstart, 'client-1', 'x'.repeat(201))).toMatch(/200/);
    expect(renameIssue(quickstart, 'client-1', 'client-1')).toBeUndefined();
    expect(renameIssue(quickstart, 'client-1', 'alice')).toBeUndefined();
  });
});
