import { describe, expect, it } from 'vitest';
import { Project } from '../../../core/model/schema';
import quickstartJson from '../../../fixtures/projects/quickstart.switchboard.json';
import { issueAt } from '../inspector/node-issues';
import { OPTION_FIELDS, optionIssues, parseNumber } from './options';

const quickstart = Project.parse(quickstartJson);

describe('project options form', () => {
  it('has a field for every option', () => {
    expect(OPTION_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(quickstart.options).sort());
  });

  it('places the validator’s messages on the option they name', () => {
    const bad = optionIssues(quickstart, { ...quickstart.options, defaultLoss: 1.5, defaultLatencyMs: parseNumber('fast') });
    expect(bad.ok).toBe(false);
    expect(issueAt(bad.errors, '.defaultLoss')).toMatch(/1/);
    expect(issueAt(bad.errors, '.defaultLatencyMs')).toMatch(/number/);
    expect(issueAt(bad.errors, '.transferMs')).toBeUndefined();
    expect(optionIssues(quickstart, { ...quickstart.options, transferMs: -1 }).errors.get('.transferMs')).toMatch(/0/);
    expect(optionIssues(quickstart, { ...quickstart.options, defaultLatencyMs: 300, rpcOwner: 'random' }).ok).toBe(true);
  });

  it('parses number text', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('')).toBe('');
    expect(parseNumber('x')).toBe('x');
  });
});
