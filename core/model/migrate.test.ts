import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { PROJECT_VERSION } from './schema';
import { sampleProject } from './testing/sample-project';
import { validateProjectText } from './validate';

/** The sample written as a version 0 file: links with from/to, options.broadcastToSelf. */
function sampleV0(): Record<string, unknown> {
  const v1 = sampleProject();
  return {
    ...v1,
    version: 0,
    options: { broadcastToSelf: false, rpcOwner: 'round-robin' },
    links: v1.links!.map(({ a, b, ...rest }) => ({ from: a, to: b, ...rest })),
  };
}

describe('migrate', () => {
  it('leaves a current file as it is', () => {
    const p = sampleProject();
    const r = migrate(p);
    expect(r).toEqual({ ok: true, value: p, from: PROJECT_VERSION });
  });

  it('takes v0 to v1: link from/to → a/b, options.broadcastToSelf → broadcastIncludesSender', () => {
    const v0 = sampleV0();
    const before = JSON.stringify(v0);
    const r = migrate(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.from).toBe(0);
    expect(r.value.version).toBe(1);
    expect(r.value.links).toEqual([{ a: 'c1', b: 'proxy1', latencyMs: 10 }]);
    expect(r.value.options).toEqual({ broadcastIncludesSender: false, rpcOwner: 'round-robin' });
    expect(JSON.stringify(v0)).toBe(before);
  });

  it('a v0 file validates as the same project as its v1 form', () => {
    const fromV0 = validateProjectText(JSON.stringify(sampleV0(), null, 2));
    expect(fromV0.ok).toBe(true);
    if (!fromV0.ok) return;
    expect(fromV0.warnings).toEqual([]);
    expect(fromV0.project.options.broadcastIncludesSender).toBe(false);
    expect(fromV0.project.links[0]).toMatchObject({ a: 'c1', b: 'proxy1' });
  });

  it('leaves oddly shaped v0 parts for the schema to report', () => {
    const r = migrate({ format: 'switchboard-project', version: 0, links: [3, { from: 'x' }], options: 'fast' });
    expect(r.ok && r.value).toMatchObject({ version: 1, links: [3, { a: 'x', b: undefined }], options: 'fast' });
    const text = JSON.stringify({ ...sampleV0(), links: [{ from: 'c1' }] });
    const v = validateProjectText(text);
    expect(!v.ok && v.errors.map((e) => e.path)).toEqual(['$.links[0].b']);
  });

  it('refuses what it cannot read, with the field named', () => {
    const bad = (raw: unknown): string => {
      const r = migrate(raw);
      return r.ok ? 'ok' : `${r.error.code} ${r.error.path.join('.')}`;
    };
    expect(bad(null)).toBe('format.not-object ');
    expect(bad({ version: 1 })).toBe('format.missing format');
    expect(bad({ format: 'switchboard-trace', version: 1 })).toBe('format.wrong format');
    expect(bad({ format: 'switchboard-project' })).toBe('version.missing version');
    expect(bad({ format: 'switchboard-project', version: '1' })).toBe('version.invalid version');
    expect(bad({ format: 'switchboard-project', version: 1.5 })).toBe('version.invalid version');
    expect(bad({ format: 'switchboard-project', version: 2 })).toBe('version.newer version');
    expect(bad({ format: 'switchboard-project', version: -1 })).toBe('version.unsupported version');
  });
});
