import { describe, expect, it } from 'vitest';
import committed from '../../schema/switchboard-project.schema.json';
import { projectJsonSchema } from './json-schema';

describe('JSON Schema', () => {
  it('the committed schema/switchboard-project.schema.json is what `npm run schema` generates', () => {
    expect(committed).toEqual(projectJsonSchema());
  });

  it('describes the file as written: defaults optional, recursive parts as named $defs', () => {
    const s = projectJsonSchema() as { required: string[]; $defs: Record<string, unknown>; properties: Record<string, unknown> };
    expect(s.required).toEqual(['format', 'version', 'name', 'nodes']);
    expect(Object.keys(s.$defs).sort()).toEqual(['CallAction', 'Template']);
    expect(s.properties.format).toEqual({ type: 'string', const: 'switchboard-project' });
  });
});
