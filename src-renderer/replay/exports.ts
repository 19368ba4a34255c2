// Exports of the current trace as downloads: Mermaid sequenceDiagram, SVG, Chrome trace-event JSON
// (Perfetto) and OTLP JSON of the RPC spans. The converters are core/replay's.
import { toChromeTrace } from '../../core/replay/chrome-trace';
import { toMermaid } from '../../core/replay/mermaid';
import { toOtlpJson } from '../../core/replay/otlp';
import { toSvg } from '../../core/replay/svg';
import { downloadText } from '../files/browser-files';
import { useEventsStore } from '../stores/events-store';
import { useUiStore } from '../stores/ui-store';
import { replayIndex } from './replay-store';
import { stringifyJson } from '../../core/json';

function baseName(): string {
  const name = useEventsStore.getState().name || 'trace';
  return name.replace(/\.(ndjson|jsonl|json)$/i, '').replace(/[^\w.-]+/g, '_') || 'trace';
}

function guard(): boolean {
  if (replayIndex().length > 0) return true;
  useUiStore.getState().notify('info', 'Nothing to export yet: run the simulation or open a trace.');
  return false;
}

export const exportActions = {
  mermaid(): void {
    if (guard()) downloadText(`${baseName()}.mmd`, toMermaid(replayIndex().source, { header: useEventsStore.getState().header }), 'text/plain');
  },
  svg(): void {
    if (guard()) downloadText(`${baseName()}.svg`, toSvg(replayIndex().source, { header: useEventsStore.getState().header, lanes: 'involved' }), 'image/svg+xml');
  },
  chromeTrace(): void {
    if (guard()) downloadText(`${baseName()}.chrome-trace.json`, stringifyJson(toChromeTrace(replayIndex().source, useEventsStore.getState().header)));
  },
  otlp(): void {
    if (guard()) downloadText(`${baseName()}.otlp.json`, stringifyJson(toOtlpJson(replayIndex().source, useEventsStore.getState().header)));
  },
};
