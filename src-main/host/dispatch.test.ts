import { describe, expect, it } from 'vitest';
import { quickstartText } from './test-support/fixtures';
import { testHost } from './test-support/test-host';

describe('dispatch validates every request against the contract', () => {
  it('refuses unknown methods and invalid params without calling a handler', async () => {
    const { call } = testHost();
    expect(await call('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('session.speed', { speed: 'fast' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('project.openText', { name: 'x.json', text: '{}', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('stream.slice', { streamId: 1, from: 0, to: 1e9 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('names the problem of an invalid project file', async () => {
    const { call } = testHost();
    const r = await call('project.openText', { name: 'broken.json', text: '{\n  "format": "switchboard-project",\n  "version": 1,\n  "name": "x",\n  "nodes": [{"id": "a", "kind": "robot"}]\n}' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-file');
    expect(r.error.message).toMatch(/broken\.json is not a valid Switchboard project \(line 5/);
    expect(r.error.issues?.[0].path).toContain('kind');
  });

  it('opens a project, runs the session and streams its events to the client', async () => {
    const { call, run, pushes } = testHost();
    const opened = await call('project.openText', { name: 'q.json', text: quickstartText() });
    expect(opened).toMatchObject({ ok: true, result: { name: 'Quickstart', source: 'upload', path: null } });
    expect(await call('session.run')).toMatchObject({ ok: true, result: { running: true } });
    run(1000);
    const status = await call('session.status');
    expect(status.ok && (status.result as { now: number }).now).toBeGreaterThanOrEqual(990);
    const batches = pushes.filter((m) => m.event === 'stream.events');
    expect(batches.length).toBeGreaterThan(0);
    expect(pushes.some((m) => m.event === 'session.status')).toBe(true);
  });

  it('refuses Save for a document without a file, and dialogs where there are none', async () => {
    const { call } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    expect(await call('project.save')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await call('project.saveAsDialog')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const out = await call('project.serialize', { markClean: true });
    expect(out.ok && JSON.parse((out.result as { text: string }).text).name).toBe('Quickstart');
  });

  it('injects calls and applies faults through the contract', async () => {
    const { call } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    expect(await call('session.call', { node: 'master', api: 'BroadcastToService', args: { eventName: 'Hi', eventData: {} } })).toMatchObject({ ok: true, result: { ok: true } });
    expect(await call('session.apply', { step: { at: 0, do: 'cut', a: 'client-1', b: 'proxy-2000' } })).toMatchObject({ ok: true, result: { ok: true } });
    expect(await call('session.apply', { step: { at: 0, do: 'explode' } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('session.nodeState', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
