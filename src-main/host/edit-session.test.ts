import { describe, expect, it } from 'vitest';
import type { Project } from '../../core/model/schema';
import { quickstartText } from './test-support/fixtures';
import { testHost } from './test-support/test-host';

describe('project.edit and the session', () => {
  it('restarts the session on the edited topology, so calls use it', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const before = host.session?.id;
    const project = host.doc.current.project as Project;
    const added = { ...project, nodes: [...project.nodes, { id: 'service-9000', kind: 'service', serverId: 9000, type: 'shop', moduleNames: ['shop'], systems: [] }] };
    expect(await call('project.edit', { project: added })).toMatchObject({ ok: true });
    expect(host.session?.id).not.toBe(before);
    expect(host.session?.project.nodes.some((n) => n.id === 'service-9000')).toBe(true);
    expect(await call('session.nodeState', { id: 'service-9000' })).toMatchObject({ ok: true, result: { up: true } });
  });

  it('keeps the session when only positions move', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const before = host.session?.id;
    const project = host.doc.current.project as Project;
    const moved = { ...project, nodes: project.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 5, y: 6 } } : n)) };
    expect(await call('project.edit', { project: moved })).toMatchObject({ ok: true });
    expect(host.session?.id).toBe(before);
  });

  it('keeps the session when a scenario it does not run changes, restarts when its own does', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    expect(host.session?.opts.scenario).toBe('tour');
    const before = host.session?.id;
    const project = host.doc.current.project as Project;
    const other = { ...project, scenarios: project.scenarios.map((s) => (s.name === 'rpc-timeout' ? { ...s, steps: [] } : s)) };
    expect(await call('project.edit', { project: other })).toMatchObject({ ok: true });
    expect(host.session?.id).toBe(before);
    const own = { ...other, scenarios: other.scenarios.map((s) => (s.name === 'tour' ? { ...s, steps: s.steps.slice(1) } : s)) };
    expect(await call('project.edit', { project: own })).toMatchObject({ ok: true });
    expect(host.session?.id).not.toBe(before);
    expect(host.session?.opts.scenario).toBe('tour');
    expect(host.session?.project.scenarios.find((s) => s.name === 'tour')?.steps).toHaveLength(project.scenarios[0].steps.length - 1);
  });

  it('runs the scenario the edit names: a renamed scenario keeps running under its new name', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const project = host.doc.current.project as Project;
    const renamed = { ...project, scenarios: project.scenarios.map((s) => (s.name === 'tour' ? { ...s, name: 'grand tour' } : s)) };
    expect(await call('project.edit', { project: renamed, scenario: 'grand tour' })).toMatchObject({ ok: true });
    expect(host.session?.opts.scenario).toBe('grand tour');
    expect(host.status().scenario).toBe('grand tour');
    // Without the name the session falls back to no scenario (its old one is gone).
    const again = { ...renamed, scenarios: renamed.scenarios.map((s) => (s.name === 'grand tour' ? { ...s, name: 'tour 3' } : s)) };
    expect(await call('project.edit', { project: again })).toMatchObject({ ok: true });
    expect(host.session?.opts.scenario).toBeNull();
    // Picking one with an edit that changes nothing else still switches.
    expect(await call('project.edit', { project: again, scenario: 'rpc-timeout' })).toMatchObject({ ok: true });
    expect(host.session?.opts.scenario).toBe('rpc-timeout');
  });

  it('refuses a scenario the edited project does not have, and a malformed one', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const project = host.doc.current.project as Project;
    const before = host.session?.id;
    expect(await call('project.edit', { project, scenario: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('project.edit', { project, scenario: '' })).toMatchObject({ ok: false });
    expect(await call('project.edit', { project, scenario: 5 })).toMatchObject({ ok: false });
    expect(host.session?.id).toBe(before);
  });
});
