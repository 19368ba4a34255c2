import { describe, expect, it } from 'vitest';
import { validateProject } from '../../core/model/validate';
import { Project } from '../../core/model/schema';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { addClientWithProxy, addNode, clientNeedsProxy, deleteNodes, newNode, pasteNodes, setLink } from './topology';

const quickstart = Project.parse(quickstartJson);

describe('topology edits', () => {
  it('adds a node of every kind but master with fresh identities, and the project stays valid', () => {
    let p = quickstart;
    for (const kind of ['client', 'proxy', 'lobby', 'game', 'service'] as const) p = addNode(p, newNode(p, kind));
    const r = validateProject(p);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(p.nodes.find((n) => n.id === 'service-8002')).toMatchObject({ serverId: 8002, type: 'service_8002', moduleNames: ['module_8002'] });
  });

  it('a client in a project without a proxy comes with one (a lone client fails validation)', () => {
    const empty = Project.parse({ ...quickstartJson, nodes: quickstart.nodes.filter((n) => n.kind !== 'proxy' && n.kind !== 'client'), links: [], scenarios: [] });
    expect(clientNeedsProxy(empty, 'client')).toBe(true);
    expect(clientNeedsProxy(empty, 'lobby')).toBe(false);
    expect(clientNeedsProxy(quickstart, 'client')).toBe(false);
    const lone = validateProject(addNode(empty, newNode(empty, 'client')));
    expect(lone.ok).toBe(false);
    const { project, client, proxy } = addClientWithProxy(empty, { client: { x: 0, y: 0 }, proxy: { x: 280, y: 0 } });
    const r = validateProject(project);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const p = project.nodes.find((n) => n.id === proxy)!;
    expect(project.nodes.find((n) => n.id === client)).toMatchObject({ kind: 'client', proxy: p.serverId, position: { x: 0, y: 0 } });
    expect(p).toMatchObject({ kind: 'proxy', position: { x: 280, y: 0 } });
  });

  it('deletes nodes with their links, and pastes copies under new ids', () => {
    const withLink = setLink(quickstart, 'lobby-4000', 'service-8000', { latencyMs: 50 });
    expect(deleteNodes(withLink, ['service-8000']).links.some((l) => l.b === 'service-8000')).toBe(false);
    const svc = quickstart.nodes.find((n) => n.id === 'service-8001')!;
    const { project, ids } = pasteNodes(quickstart, [svc]);
    expect(ids).toEqual(['service-8002']);
    expect(project.nodes.at(-1)).toMatchObject({ serverId: 8002, type: svc.type });
  });

  it('edits a link in place, whichever end is named first', () => {
    const a = setLink(quickstart, 'lobby-4000', 'master', { latencyMs: 50 });
    const b = setLink(a, 'master', 'lobby-4000', { loss: 0.5 });
    expect(b.links.filter((l) => [l.a, l.b].includes('master') && [l.a, l.b].includes('lobby-4000'))).toEqual([{ a: 'lobby-4000', b: 'master', latencyMs: 50, loss: 0.5 }]);
  });
});
