// Names of every request the UI may make and every event the host may push, as plain data (no zod):
// the sandboxed preload imports only this file, so its allow-list stays tiny and dependency-free.

export const REQUEST_METHODS = [
  'app.info',
  'project.get',
  'project.new',
  'project.openDialog',
  'project.openText',
  'project.openRecent',
  'project.openApollo',
  'project.edit',
  'project.save',
  'project.saveAsDialog',
  'project.serialize',
  'recent.list',
  'recovery.restore',
  'recovery.discard',
  'session.start',
  'session.status',
  'session.stubCounts',
  'session.run',
  'session.pause',
  'session.step',
  'session.reset',
  'session.speed',
  'session.call',
  'session.apply',
  'session.nodeState',
  'stream.ack',
  'stream.slice',
  'trace.openDialog',
  'trace.openText',
  'trace.exportDialog',
  'recording.openDialog',
  'recording.upload',
  'recording.merge',
  'python.status',
  'python.choose',
  'python.clear',
] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];

export const PUSH_EVENTS = [
  'document.changed',
  'session.status',
  'stream.reset',
  'stream.events',
  'stream.skipped',
  'trace.progress',
  'project.progress',
  'recent.changed',
  'menu.command',
  'host.notice',
] as const;
export type PushEventName = (typeof PUSH_EVENTS)[number];

const methodSet: ReadonlySet<string> = new Set(REQUEST_METHODS);
export function isRequestMethod(name: unknown): name is RequestMethod {
  return typeof name === 'string' && methodSet.has(name);
}

/** Electron IPC channel names (one request channel, one push channel). */
export const IPC_REQUEST_CHANNEL = 'switchboard:request';
export const IPC_EVENT_CHANNEL = 'switchboard:event';
