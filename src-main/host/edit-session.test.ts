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
});
