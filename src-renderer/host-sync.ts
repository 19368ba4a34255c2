// Wires host pushes into the stores and acknowledges streamed batches (the host's flow control).
import type { DocumentState, PushMessage } from '../core/contract';
import type { Bridge } from './bridge';
import { runCommand } from './commands/registry';
import { useDocumentStore } from './stores/document-store';
import { useEventsStore } from './stores/events-store';
import { useSessionStore } from './stores/session-store';
import { useUiStore } from './stores/ui-store';
import { isOtherProject } from './stores/project-change';
import { appendTraceLog, resetTraceLog } from './trace/trace-log';
import { setRecordingReport } from './recording/recording-store';

export function connectStores(bridge: Bridge): () => void {
  const ui = useUiStore.getState();
  const offConn = bridge.onConnection((open) => useUiStore.getState().setConnected(open));
  const offEvents = bridge.onEvent((m) => handle(bridge, m));
  void (async () => {
    try {
      const app = await bridge.request('app.info', {});
      ui.setApp(app);
      useDocumentStore.getState().setRecovery(app.recovery);
      setDoc(await bridge.request('project.get', {}));
      useDocumentStore.getState().setRecent(await bridge.request('recent.list', {}));
      useSessionStore.getState().setStatus(await bridge.request('session.status', {}));
    } catch (err) {
      ui.notify('error', `Cannot reach the Switchboard host: ${err instanceof Error ? err.message : String(err)}`);
    }
  })();
  return () => {
    offConn();
    offEvents();
  };
}

/** The host's document; notices about the previous project go when another one comes. */
function setDoc(doc: DocumentState): void {
  const prev = useDocumentStore.getState().doc;
  useDocumentStore.getState().setDoc(doc);
  if (isOtherProject(prev, doc)) useUiStore.getState().clearNotices();
}

function handle(bridge: Bridge, m: PushMessage): void {
  switch (m.event) {
    case 'document.changed':
      return setDoc(m.payload);
    case 'recent.changed':
      return useDocumentStore.getState().setRecent(m.payload);
    case 'session.status':
      return useSessionStore.getState().setStatus(m.payload);
    case 'stream.reset':
      resetTraceLog(m.payload.streamId);
      // A new stream is a new source: a merged trace sets its report again once its open returns.
      setRecordingReport('', null);
      return useEventsStore.getState().reset(m.payload);
    case 'stream.events': {
      const { streamId, from, events } = m.payload;
      useEventsStore.getState().append(streamId, from, events);
      appendTraceLog(streamId, from, events);
      void bridge.request('stream.ack', { streamId, upTo: from + events.length }).catch(() => {});
      return;
    }
    case 'stream.skipped':
      return useEventsStore.getState().skip(m.payload.streamId, m.payload.from, m.payload.to);
    case 'trace.progress':
      return useUiStore.getState().setProgress(m.payload.done ? null : m.payload);
    case 'project.progress':
      return useUiStore.getState().setProjectProgress(m.payload.done ? null : m.payload);
    case 'menu.command':
      return runCommand(m.payload.command);
    case 'host.notice':
      return useUiStore.getState().notify(m.payload.level, m.payload.message);
  }
}
