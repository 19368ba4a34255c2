import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../core/contract';
import type { Project } from '../../core/model/schema';
import { isOtherProject } from './project-change';

const project = (name: string, nodes = 1) => ({ name, nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, kind: 'lobby' })), links: [], scenarios: [] }) as unknown as Project;
const doc = (over: Partial<DocumentState>): DocumentState => ({ name: 'a', path: '/p/a.json', dirty: false, source: 'file', project: project('a'), warnings: [], revision: 1, ...over });

describe('another project or the same one', () => {
  const a = doc({});
  it('an edit, a save, a Save As or a stale push is the same project', () => {
    expect(isOtherProject(a, doc({ dirty: true, project: project('a', 2), revision: 2 }))).toBe(false);
    expect(isOtherProject(doc({ dirty: true, project: project('a', 2), revision: 2 }), doc({ project: project('a', 2), revision: 3 }))).toBe(false);
    expect(isOtherProject(a, doc({ path: '/p/b.json', revision: 2 }))).toBe(false);
    expect(isOtherProject(doc({ revision: 5 }), doc({ project: project('z'), revision: 4 }))).toBe(false);
    expect(isOtherProject(null, a)).toBe(false);
  });

  it('New, Open, an upload, an Apollo import or a recovery is another project', () => {
    expect(isOtherProject(a, doc({ path: null, source: 'new', project: project('Untitled', 0), revision: 2 }))).toBe(true);
    expect(isOtherProject(a, doc({ path: '/p/b.json', project: project('b'), revision: 2 }))).toBe(true);
    expect(isOtherProject(a, doc({ path: null, source: 'upload', project: project('c'), revision: 2 }))).toBe(true);
    expect(isOtherProject(a, doc({ path: '/q/x.json', source: 'apollo', dirty: true, project: project('x'), revision: 2 }))).toBe(true);
    // New on top of an edited new document: same path (none) and source, but clean and different.
    const edited = doc({ path: null, source: 'new', dirty: true, project: project('Untitled', 3), revision: 7 });
    expect(isOtherProject(edited, doc({ path: null, source: 'new', project: project('Untitled', 0), revision: 8 }))).toBe(true);
  });
});
