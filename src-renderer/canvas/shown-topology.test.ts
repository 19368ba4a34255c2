import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../core/model/schema';
import { useDocumentStore } from '../stores/document-store';
import { setShownTopology, shownNodes, useShownTopology } from './shown-topology';

const project = (ids: string[]): Project => ({ name: 'p', nodes: ids.map((id) => ({ id, kind: 'lobby', serverId: 4000, systems: [] })), links: [], scenarios: [] }) as unknown as Project;

afterEach(() => {
  setShownTopology(null);
  useDocumentStore.setState({ doc: null });
});

describe('the topology the panels list', () => {
  it('is the document until a trace of another project is shown, then the trace’s, then the document again', () => {
    useDocumentStore.setState({ doc: { name: 'p', path: null, dirty: false, source: 'new', project: project(['lobby-4000']), warnings: [], revision: 1 } });
    expect(shownNodes().map((n) => n.id)).toEqual(['lobby-4000']);
    const trace = project(['eu-lobby-4000', 'eu-master']);
    setShownTopology(trace);
    expect(shownNodes().map((n) => n.id)).toEqual(['eu-lobby-4000', 'eu-master']);
    expect(useShownTopology.getState().inferred).toBe(trace);
    setShownTopology(null);
    expect(shownNodes().map((n) => n.id)).toEqual(['lobby-4000']);
  });

  it('is empty with no document and no trace', () => {
    expect(shownNodes()).toEqual([]);
  });
});
