// Which client is on which server as which player, asked of the session (for playerId dropdowns).
import { useEffect, useState } from 'react';
import type { Project } from '../../../core/model/schema';
import { getBridge } from '../../bridge';
import { useSessionStore } from '../../stores/session-store';
import type { LivePlayers } from './pick-options';

export function useLivePlayers(project: Project | undefined): LivePlayers {
  const now = useSessionStore((s) => s.status?.now);
  const session = useSessionStore((s) => s.status?.sessionId);
  const [live, setLive] = useState<LivePlayers>({});
  useEffect(() => {
    if (!project) return;
    let alive = true;
    const clients = project.nodes.filter((n) => n.kind === 'client').slice(0, 200);
    void Promise.all(clients.map((c) => getBridge().request('session.nodeState', { id: c.id }).catch(() => null))).then((states) => {
      if (!alive) return;
      const out: LivePlayers = {};
      states.forEach((s, i) => {
        if (s) out[clients[i].id] = { server: s.server ?? null, playerId: s.playerId ?? null };
      });
      setLive(out);
    });
    return () => {
      alive = false;
    };
  }, [project, now, session]);
  return live;
}
