// Which topology the Problems panel explains with: the document's for a session; for an opened
// trace its header's nodes, completed (module names, uids) only by document nodes of the same kind.
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../core/testing/topology';
import type { TraceHeader } from '../../core/trace/event';
import { problemContext } from './problems';

const project = makeProject({ services: [{ serverId: 8000, type: 'idv_service', modules: ['idv_module'] }] });
const header = (nodes: TraceHeader['nodes']): TraceHeader => ({ format: 'switchboard-trace', version: 1, project: 'x', seed: 1, scenario: null, options: project.options, nodes });

describe('problemContext', () => {
  it('a session uses the document', () => {
    const c = problemContext('session', project, null);
    expect(c.nodes.find((n) => n.id === 'service-8000')?.moduleNames).toEqual(['idv_module']);
    expect(c.nodes.find((n) => n.id === 'client-1')?.uid).toBe(101);
  });

  it('a trace uses its header, completed by same-id same-kind document nodes only', () => {
    const c = problemContext('trace', project, header([
      { id: 'service-8000', kind: 'service', serverId: 8000, type: 'idv_service' },
      { id: 'client-1', kind: 'lobby', serverId: 4100, type: 'lobby' },
      { id: 'elsewhere', kind: 'game', serverId: 5000, type: 'g' },
    ]));
    expect(c.nodes).toEqual([
      { id: 'service-8000', kind: 'service', serverId: 8000, type: 'idv_service', moduleNames: ['idv_module'], uid: undefined },
      { id: 'client-1', kind: 'lobby', serverId: 4100, type: 'lobby' },
      { id: 'elsewhere', kind: 'game', serverId: 5000, type: 'g' },
    ]);
  });
});
