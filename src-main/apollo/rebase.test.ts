import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../core/model/schema';
import { rebaseProject, relativePosix, resolveFromProject } from './rebase';

const base = path.resolve('/work/apollo/acme');
const project = {
  format: 'switchboard-project', version: 1, name: 'acme', options: {} as Project['options'], links: [], scenarios: [],
  apollo: { root: '.' },
  nodes: [
    { id: 'master', kind: 'master', serverId: 0, systems: [], mods: ['acmeLoginMaster'] },
    { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby', systems: [], mods: ['acmeLogin', '../shared/common', '/opt/mods/abs'] },
    { id: 'proxy-2000', kind: 'proxy', serverId: 2000, systems: [] },
  ],
} as Project;

describe('rebaseProject', () => {
  it('rewrites relative mod paths and apollo.root so they name the same folders from the new place', () => {
    const to = path.resolve('/work/projects/mine');
    const r = rebaseProject(project, base, to);
    expect(r.apollo).toEqual({ root: '../../apollo/acme' });
    expect(r.nodes[0].mods).toEqual(['../../apollo/acme/acmeLoginMaster']);
    expect(r.nodes[1].mods).toEqual(['../../apollo/acme/acmeLogin', '../../apollo/shared/common', '/opt/mods/abs']);
    expect(r.nodes[2]).toBe(project.nodes[2]);
    // Same folders on disk, before and after.
    for (const [i, rel] of (r.nodes[1].mods ?? []).entries()) expect(resolveFromProject(to, rel)).toBe(resolveFromProject(base, project.nodes[1].mods![i]));
    expect(project.nodes[0].mods).toEqual(['acmeLoginMaster']);
  });

  it('moving back restores the original paths; moving nowhere returns the project itself', () => {
    const away = rebaseProject(project, base, path.resolve('/tmp/x/y'));
    expect(rebaseProject(away, path.resolve('/tmp/x/y'), base)).toEqual(project);
    expect(rebaseProject(project, base, base)).toBe(project);
    expect(rebaseProject(project, base, path.join(base, 'sub')).apollo).toEqual({ root: '..' });
  });

  it('relativePosix writes forward slashes and "." for the same folder', () => {
    expect(relativePosix(base, base)).toBe('.');
    expect(relativePosix(base, path.join(base, 'a', 'b'))).toBe('a/b');
  });
});
