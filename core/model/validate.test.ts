import { describe, expect, it } from 'vitest';
import type { Issue, ValidationResult } from './issues';
import { sampleProject } from './testing/sample-project';
import { validateProject, validateProjectText } from './validate';

function errorsOf(r: ValidationResult): Issue[] {
  if (r.ok) throw new Error(`expected errors, got a valid project (warnings: ${JSON.stringify(r.warnings)})`);
  return r.errors;
}

describe('validateProjectText', () => {
  it('accepts the sample project, filling in defaults', () => {
    const r = validateProjectText(JSON.stringify(sampleProject(), null, 2), 'sample.switchboard.json');
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    expect(r.ok && r.project.options.rpcOwner).toBe('lowest-id');
    expect(r.ok && r.project.nodes[0].systems).toEqual([]);
  });

  it('reports a JSON syntax error with line, column and the path it was in', () => {
    const text = '{\n  "format": "switchboard-project",\n  "nodes": [\n    { "id": "a" "kind": "proxy" }\n  ]\n}';
    const [e] = errorsOf(validateProjectText(text));
    expect(e).toMatchObject({ code: 'json.syntax', line: 4, column: 17, path: '$.nodes[0].kind' });
    expect(e.message).toContain("expected ','");
  });

  it('reports empty and non-object input clearly', () => {
    expect(errorsOf(validateProjectText(''))[0]).toMatchObject({ code: 'json.syntax', line: 1, column: 1 });
    expect(errorsOf(validateProjectText('[1]'))[0]).toMatchObject({ code: 'format.not-object', path: '$', message: expect.stringContaining('an array') });
  });

  it('maps every schema error to its JSON path and line', () => {
    const p = sampleProject();
    p.nodes[1] = { id: 'proxy1', kind: 'proxi', serverId: 2000 };
    p.nodes[2] = { id: 'lobby1', kind: 'lobby', serverId: 10.5, type: 'lobby' };
    const text = JSON.stringify(p, null, 2);
    const errors = errorsOf(validateProjectText(text));
    const line = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(errors).toEqual([
      { path: '$.nodes[1].kind', line: line('"proxi"'), column: 7, code: 'schema.invalid_value', message: expect.stringContaining('"kind" must be one of "client", "proxy"') },
      { path: '$.nodes[2].serverId', line: line('10.5'), column: 7, code: 'schema.invalid_type', message: '"serverId" must be an integer, got 10.5' },
    ]);
  });

  it('names a missing required field, located at its parent', () => {
    const p = sampleProject();
    delete p.nodes[3].id;
    const text = JSON.stringify(p, null, 2);
    const [e] = errorsOf(validateProjectText(text));
    expect(e).toMatchObject({ path: '$.nodes[3].id', message: 'missing required field "id" (expected a string)' });
    expect(text.split('\n')[e.line! - 1].trim()).toBe('{');
  });

  it('explains an unknown rule or step discriminator', () => {
    const p = sampleProject();
    (p.scenarios![0].steps as unknown[]).push({ at: 1, do: 'fly' });
    const [e] = errorsOf(validateProjectText(JSON.stringify(p)));
    expect(e.path).toBe('$.scenarios[0].steps[4].do');
    expect(e.message).toContain('"do" must be one of "call", "login"');
    expect(e.message).toContain('got "fly"');
  });

  it('refuses a missing or wrong format, and a newer version', () => {
    const { format: _f, ...noFormat } = sampleProject();
    expect(errorsOf(validateProjectText(JSON.stringify(noFormat)))[0]).toMatchObject({ code: 'format.missing', path: '$.format' });
    expect(errorsOf(validateProjectText(JSON.stringify({ ...sampleProject(), format: 'excalidraw' })))[0]).toMatchObject({ code: 'format.wrong', line: 1 });
    const newer = errorsOf(validateProjectText(JSON.stringify({ ...sampleProject(), version: 7 })))[0];
    expect(newer).toMatchObject({ code: 'version.newer', path: '$.version' });
    expect(newer.message).toContain('newer Switchboard');
  });

  it('warns about unknown fields and keys written twice, and still accepts', () => {
    const p = sampleProject();
    p.nodes[1].serverID = 5;
    const text = JSON.stringify(p).replace('"name":"sample"', '"name":"x","name":"sample"');
    const r = validateProjectText(text, 'x.json');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['json.duplicate-key', '$.name'],
      ['schema.unknown-field', '$.nodes[1].serverID'],
      ['file.name', '$'],
    ]);
  });

  it('accepts a byte-order mark and keeps columns', () => {
    const r = validateProjectText(`\uFEFF${JSON.stringify({ ...sampleProject(), version: 'one' })}`);
    expect(errorsOf(r)[0]).toMatchObject({ code: 'version.invalid', line: 1, column: 34 });
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `{"format":"switchboard-project","version":1,"name":${'['.repeat(100000)}`;
    expect(errorsOf(validateProjectText(deep))[0]).toMatchObject({ code: 'json.too-deep', line: 1 });
  });
});

describe('validateProject (a value, no text)', () => {
  it('gives paths without lines', () => {
    const p = sampleProject();
    p.nodes[0].serverId = 3;
    const [e] = errorsOf(validateProject(p));
    expect(e).toEqual({ path: '$.nodes[0].serverId', code: 'node.master-server-id', message: "the master's serverId must be 0, got 3" });
  });

  it('survives values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { ...sampleProject() };
    cyclic.self = cyclic;
    expect(errorsOf(validateProject(cyclic))[0].code).toBe('json.too-deep');
    expect(errorsOf(validateProject({ ...sampleProject(), version: 10n }))[0].message).toContain('10n');
    expect(errorsOf(validateProject(undefined))[0].code).toBe('format.not-object');
    const withNaN = sampleProject();
    withNaN.nodes[6].uid = Number.NaN;
    expect(errorsOf(validateProject(withNaN))[0].path).toBe('$.nodes[6].uid');
  });
});
