// Scenario steps applied now: a client's login/transfer/logout, stop/start a node, cut/restore a
// link to a neighbour, and (master) POST a body to an HTTP route.
import { useState } from 'react';
import type { NodeSpec, Project, ScenarioStep } from '../../../core/model/schema';
import { getBridge } from '../../bridge';
import { useUiStore } from '../../stores/ui-store';
import { recordStep, type StepInput } from './record';

async function apply(step: StepInput): Promise<void> {
  try {
    const r = await getBridge().request('session.apply', { step: { at: 0, ...step } as ScenarioStep });
    if (!r.ok) useUiStore.getState().notify('error', r.error);
    else recordStep(step);
  } catch (err) {
    useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err));
  }
}

export function StepsForm({ project, node }: { project: Project; node: NodeSpec }) {
  const servers = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
  const others = project.nodes.filter((n) => n.id !== node.id);
  const routes = node.systems.flatMap((s) => s.rules.flatMap((r) => (r.on === 'http' ? [r.path] : [])));
  const [server, setServer] = useState('');
  const [peer, setPeer] = useState('');
  const [route, setRoute] = useState(routes[0] ?? '/');
  const [body, setBody] = useState('{}');
  const target = server === '' ? {} : server.startsWith('type:') ? { type: server.slice(5) } : { server: Number(server) };
  return (
    <fieldset className="sb-steps" data-testid="fire-steps">
      <legend>do now</legend>
      <div className="sb-steps__row">
        <button type="button" data-testid="step-stop" onClick={() => void apply({ do: 'stop', node: node.id })}>Stop</button>
        <button type="button" data-testid="step-start" onClick={() => void apply({ do: 'start', node: node.id })}>Start</button>
      </div>
      {node.kind === 'client' ? (
        <div className="sb-steps__row">
          <select data-testid="step-server" value={server} onChange={(e) => setServer(e.target.value)} aria-label="Server">
            <option value="">master's choice</option>
            {servers.map((s) => <option key={s.id} value={s.serverId}>{s.serverId} · {s.name ?? s.id}</option>)}
            {[...new Set(servers.map((s) => s.type).filter(Boolean))].map((t) => <option key={t} value={`type:${t}`}>any of type {t}</option>)}
          </select>
          <button type="button" data-testid="step-login" onClick={() => void apply({ do: 'login', client: node.id, ...('server' in target ? target : {}) })}>Login</button>
          <button type="button" data-testid="step-transfer" onClick={() => void apply({ do: 'transfer', client: node.id, ...target })}>Transfer</button>
          <button type="button" data-testid="step-logout" onClick={() => void apply({ do: 'logout', client: node.id })}>Logout</button>
        </div>
      ) : null}
      <div className="sb-steps__row">
        <select data-testid="step-peer" value={peer} onChange={(e) => setPeer(e.target.value)} aria-label="Link to">
          <option value="">link to…</option>
          {others.map((n) => <option key={n.id} value={n.id}>{n.name ?? n.id}</option>)}
        </select>
        <button type="button" disabled={!peer} data-testid="step-cut" onClick={() => void apply({ do: 'cut', a: node.id, b: peer })}>Cut</button>
        <button type="button" disabled={!peer} data-testid="step-restore" onClick={() => void apply({ do: 'restore', a: node.id, b: peer })}>Restore</button>
      </div>
      {node.kind === 'master' ? (
        <div className="sb-steps__http">
          <select data-testid="step-http-path" value={route} onChange={(e) => setRoute(e.target.value)} aria-label="HTTP route">
            {[...new Set([...routes, route])].map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <textarea data-testid="step-http-body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} aria-label="Body" />
          <button type="button" data-testid="step-http" onClick={() => void apply({ do: 'http', path: route, body })}>POST</button>
        </div>
      ) : null}
    </fieldset>
  );
}
