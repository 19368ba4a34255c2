import { describe, expect, it } from 'vitest';
import { Project, type NodeSpec } from '../../../core/model/schema';
import quickstartJson from '../../../fixtures/projects/quickstart.switchboard.json';
import { issueAt, nodeIssues, parseIntField, parseList } from './node-issues';

const quickstart = Project.parse(quickstartJson);
const svcIndex = quickstart.nodes.findIndex((n) => n.id === 'service-8001');
const svc = quickstart.nodes[svcIndex];

describe('inspector inline validation', () => {
  it('places schema errors on the field they name', () => {
    const r = nodeIssues(quickstart, svcIndex, { ...svc, type: '', moduleNames: ['a', ''] });
    expect(r.ok).toBe(false);
    expect(issueAt(r.errors, '.type')).toMatch(/at least 1/);
    expect(issueAt(r.errors, '.moduleNames')).toMatch(/at least 1/);
    expect(issueAt(r.errors, '.serverId')).toBeUndefined();
  });

  it('places semantic errors (a duplicate serverId) and accepts a valid edit', () => {
    const dup = nodeIssues(quickstart, svcIndex, { ...svc, serverId: 8000 });
    expect(dup.ok).toBe(false);
    expect([...dup.errors.keys(), ...dup.other].join(' ')).toMatch(/serverId/);
    expect(nodeIssues(quickstart, svcIndex, { ...svc, type: 'shop', moduleNames: ['shop'] } as NodeSpec).ok).toBe(true);
  });

  it('parses list and integer fields', () => {
    expect(parseList('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(parseList('  ')).toBeUndefined();
    expect(parseIntField('8002')).toBe(8002);
    expect(parseIntField('x')).toBe('x');
    expect(parseIntField('')).toBeUndefined();
  });
});
