// Adding a node from the palette ("+", a drag onto the canvas, the command palette). "+" puts it in
// free space in its role column (free-spot.ts) so nothing else moves; a drop puts it where it was
// dropped. A client needs a proxy: without one, the user is offered to add both (one undo step)
// instead of an edit the host would refuse as invalid.
import type { NodeKind } from '../../core/model/schema';
import { editProject } from '../edit/project-edits';
import { addClientWithProxy, addNode, clientNeedsProxy, newNode } from '../edit/topology';
import { useCanvasStore } from '../stores/canvas-store';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { freeSpot, type DrawnBox } from './free-spot';
import { ROLE_COLUMN } from './roles';

let drawnBoxes: () => DrawnBox[] = () => [];
let reveal: (ids: string[]) => void = () => {};

/** The canvas tells where its cards are drawn (flow coordinates), and how to bring new ones into view. */
export function setCanvasHooks(hooks: { drawn: () => DrawnBox[]; reveal: (ids: string[]) => void } | null): void {
  drawnBoxes = hooks?.drawn ?? (() => []);
  reveal = hooks?.reveal ?? (() => {});
}

const spot = (kind: NodeKind) => freeSpot(ROLE_COLUMN[kind], drawnBoxes());

export async function addNodeAt(kind: NodeKind, position?: { x: number; y: number }): Promise<void> {
  const project = useDocumentStore.getState().doc?.project;
  if (!project) return;
  if (clientNeedsProxy(project, kind)) return offerProxy(position);
  const node = newNode(project, kind, position ?? spot(kind));
  if (!(await editProject((p) => addNode(p, node)))) return;
  useCanvasStore.getState().setSelection([node.id]);
  reveal([node.id]);
}

function offerProxy(position?: { x: number; y: number }): void {
  useUiStore.getState().offer('A client logs in through a proxy, and this project has none yet.', [
    {
      label: 'Add a proxy and the client',
      testId: 'offer-add-proxy',
      run: () => void addClientAndProxy(position),
    },
  ]);
}

async function addClientAndProxy(position?: { x: number; y: number }): Promise<void> {
  const added = { client: '', proxy: '' };
  const at = { proxy: spot('proxy'), client: position ?? spot('client') };
  const ok = await editProject((p) => {
    // A proxy may have been added meanwhile: then the client alone.
    if (!clientNeedsProxy(p, 'client')) {
      const client = newNode(p, 'client', at.client);
      added.client = client.id;
      return addNode(p, client);
    }
    const r = addClientWithProxy(p, at);
    added.client = r.client;
    added.proxy = r.proxy;
    return r.project;
  });
  if (!ok || !added.client) return;
  useCanvasStore.getState().setSelection([added.client]);
  reveal([added.client, added.proxy].filter(Boolean));
}
