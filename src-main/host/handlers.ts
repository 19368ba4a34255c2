// One handler per contract method. Params arrive already validated by dispatch().
import path from 'node:path';
import type { ParsedParams, RequestMethod, Result } from '../../core/contract';
import { HostError } from './errors';
import type { Dialogs, Host } from './host';
import { projectFileName } from './files/project-file';
import { checkFileId } from './files/file-id';

export interface CallContext {
  clientId: number;
}

export type Handlers = {
  [M in RequestMethod]: (host: Host, params: ParsedParams<M>, ctx: CallContext) => Promise<Result<M>> | Result<M>;
};

function dialogs(host: Host): Dialogs {
  if (!host.opts.dialogs) throw new HostError('unsupported', 'No native dialogs here: use the browser upload/download buttons.');
  return host.opts.dialogs;
}

export const HANDLERS: Handlers = {
  'app.info': async (host) => ({ mode: host.opts.mode, version: host.opts.version, nativeDialogs: !!host.opts.dialogs, recovery: await host.recoveryOffers() }),
  'project.get': (host) => host.doc.current,
  'project.new': (host) => host.newDocument(),
  'project.openDialog': async (host) => {
    const file = await dialogs(host).openProject();
    if (file === null) return null;
    host.files.choose(file);
    return host.openFile(file);
  },
  'project.openText': (host, p) => host.openText(p.name, p.text),
  'project.openApollo': async (host) => {
    if (host.opts.dialogs) {
      const dir = await host.opts.dialogs.openApolloFolder();
      return dir === null ? null : host.openApollo(dir);
    }
    if (host.opts.apolloDir) return host.openApollo(host.opts.apolloDir);
    throw new HostError('unsupported', 'In the browser, start Switchboard on the Apollo folder: `switchboard serve --apollo DIR` (or `npm start -- --apollo DIR`).');
  },
  'project.openRecent': async (host, p) => {
    // The UI names an entry of the host's own list, never a path.
    const id = checkFileId(p.id, 'recent file');
    const entry = (await host.recentList()).find((e) => e.id === id);
    if (!entry) throw new HostError('not-found', 'That recent file is no longer available.');
    return host.openFile(entry.path);
  },
  'project.edit': (host, p) => host.edit(p.project, p.scenario),
  'project.save': (host, p) => host.save(p.overwrite),
  'project.saveAsDialog': async (host) => {
    const cur = host.doc.current;
    const file = await dialogs(host).saveProject(cur.path ?? projectFileName(cur.project));
    if (file === null) return null;
    host.files.choose(file);
    return host.saveAs(file);
  },
  'project.serialize': (host, p) => host.doc.serialize(p.markClean),
  'recent.list': (host) => host.recentList(),
  'recovery.restore': (host, p) => host.restore(p.id),
  'recovery.discard': async (host, p) => {
    await host.autosave.clear(p.id);
    return {};
  },
  'session.start': (host, p) => host.startSession(p, host.session?.speed ?? 1),
  'session.status': (host) => (host.session ? host.status() : null),
  'session.stubCounts': (host) => host.session?.sim.stubCounts?.() ?? {},
  'session.run': (host) => {
    host.requireSession().run();
    return host.status();
  },
  'session.pause': (host) => {
    host.requireSession().pause();
    return host.status();
  },
  'session.step': (host) => {
    host.requireSession().step();
    return host.status();
  },
  'session.reset': (host) => host.resetSession(),
  'session.speed': (host, p) => {
    host.requireSession().setSpeed(p.speed);
    return host.status();
  },
  'session.call': (host, p) => host.requireSession().call(p.node, p.api, p.args, p.system),
  'session.apply': (host, p) => host.requireSession().apply(p.step),
  'session.nodeState': (host, p) => {
    const s = host.requireSession();
    if (!s.project.nodes.some((n) => n.id === p.id)) throw new HostError('not-found', `No node "${p.id}".`);
    return s.nodeState(p.id);
  },
  'stream.ack': (host, p, ctx) => {
    host.streamerOf(ctx.clientId).ack(p.streamId, p.upTo);
    return {};
  },
  'stream.slice': (host, p, ctx) => host.streamerOf(ctx.clientId).slice(p.streamId, p.from, p.to),
  'trace.openDialog': async (host) => {
    const file = await dialogs(host).openTrace();
    return file === null ? null : host.openTraceFile(file);
  },
  'trace.openText': (host, p) => host.openTraceText(p.name, p.text),
  'recording.openDialog': async (host) => {
    const pick = dialogs(host).openRecordingFolder;
    if (!pick) throw new HostError('unsupported', 'No folder dialog here: use the browser upload.');
    const dir = await pick();
    return dir === null ? null : host.openRecordingFolder(dir);
  },
  'recording.upload': (host, p) => host.recorderUploads.add(p.upload, p.label, p.text, p.append),
  'recording.merge': (host, p) => host.mergeRecordingUpload(p.upload, p.name),
  'python.status': (host, p) => host.python.status(p.refresh),
  'python.choose': async (host) => {
    const pick = host.opts.dialogs?.choosePython;
    if (!pick) throw new HostError('unsupported', 'In the browser, start Switchboard with the Python 2.7 to use: `switchboard serve --python PATH` (or set SWITCHBOARD_PYTHON).');
    const file = await pick();
    if (file === null) return null;
    const r = await host.python.choose(file);
    if (r.refused) throw new HostError('invalid-file', r.refused);
    return r.status;
  },
  'python.clear': (host) => host.python.clear(),
  'trace.exportDialog': async (host) => {
    const s = host.requireSession();
    const def = s.recorder ? path.basename(s.recorder.file) : 'trace.ndjson';
    const file = await dialogs(host).exportTrace(def);
    if (file === null) return null;
    await host.exportRecording(file);
    return { path: file };
  },
};
