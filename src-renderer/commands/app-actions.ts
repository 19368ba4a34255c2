// The app's actions (edit, play, view, add nodes) in the one registry: toolbar, shortcuts and the
// command palette all run these.
import { NODE_KINDS, type NodeSpec } from '../../core/model/schema';
import { addNodeAt } from '../canvas/add-node';
import { editProject, redo, undo } from '../edit/project-edits';
import { deleteNodes, pasteNodes } from '../edit/topology';
import { neighbourSpeed } from '../transport/transport';
import { transport } from '../transport/instance';
import { useCanvasStore } from '../stores/canvas-store';
import { useDocumentStore } from '../stores/document-store';
import { registerAction } from './registry';

let clipboard: NodeSpec[] = [];

function selectedSpecs(): NodeSpec[] {
  const sel = new Set(useCanvasStore.getState().selection);
  return useDocumentStore.getState().doc?.project.nodes.filter((n) => sel.has(n.id)) ?? [];
}

async function deleteSelection(): Promise<void> {
  const { selection, edge } = useCanvasStore.getState();
  if (selection.length) {
    if (await editProject((p) => deleteNodes(p, selection))) useCanvasStore.getState().setSelection([]);
  } else if (edge) {
    const [a, b] = edge.split('|');
    // An explicit link goes back to the implied default; implied connections cannot be deleted.
    await editProject((p) => {
      const links = p.links.filter((l) => !((l.a === a && l.b === b) || (l.a === b && l.b === a)));
      return links.length === p.links.length ? p : { ...p, links };
    });
  }
}

export function registerAppActions(): () => void {
  const actions = [
    registerAction({ id: 'edit.undo', title: 'Undo', category: 'Edit', shortcuts: ['Ctrl+Z'], run: undo }),
    registerAction({ id: 'edit.redo', title: 'Redo', category: 'Edit', shortcuts: ['Ctrl+Y', 'Ctrl+Shift+Z'], run: redo }),
    registerAction({ id: 'edit.delete', title: 'Delete selection', category: 'Edit', shortcuts: ['Delete', 'Backspace'], run: deleteSelection }),
    registerAction({ id: 'edit.copy', title: 'Copy nodes', category: 'Edit', shortcuts: ['Ctrl+C'], run: () => void (clipboard = structuredClone(selectedSpecs())) }),
    registerAction({
      id: 'edit.paste',
      title: 'Paste nodes',
      category: 'Edit',
      shortcuts: ['Ctrl+V'],
      run: async () => {
        if (!clipboard.length) return;
        let ids: string[] = [];
        const ok = await editProject((p) => {
          const r = pasteNodes(p, clipboard);
          ids = r.ids;
          return r.project;
        });
        if (ok) useCanvasStore.getState().setSelection(ids);
      },
    }),
    registerAction({
      id: 'edit.selectAll',
      title: 'Select all nodes',
      category: 'Edit',
      shortcuts: ['Ctrl+A'],
      run: () => useCanvasStore.getState().setSelection(useDocumentStore.getState().doc?.project.nodes.map((n) => n.id) ?? []),
    }),
    registerAction({ id: 'play.toggle', title: 'Play / pause', category: 'Simulation', shortcuts: ['Space'], run: () => transport.toggle() }),
    registerAction({ id: 'play.step', title: 'Step to next event', category: 'Simulation', shortcuts: ['ArrowRight'], run: () => transport.step() }),
    registerAction({ id: 'play.faster', title: 'Faster', category: 'Simulation', shortcuts: [']'], run: () => transport.setSpeed(neighbourSpeed(transport.speed, 1)) }),
    registerAction({ id: 'play.slower', title: 'Slower', category: 'Simulation', shortcuts: ['['], run: () => transport.setSpeed(neighbourSpeed(transport.speed, -1)) }),
    registerAction({
      id: 'view.commandPalette',
      title: 'Command palette',
      category: 'View',
      shortcuts: ['Ctrl+K', 'Ctrl+Shift+P'],
      inFields: true,
      run: () => useCanvasStore.getState().setPaletteOpen(!useCanvasStore.getState().paletteOpen),
    }),
    registerAction({ id: 'panel.fire', title: 'Fire an interface…', category: 'Simulation', run: () => useCanvasStore.getState().setRightTab('fire') }),
    registerAction({ id: 'panel.behaviours', title: 'Edit behaviours', category: 'Edit', run: () => useCanvasStore.getState().setRightTab('behaviours') }),
    ...NODE_KINDS.map((kind) => registerAction({ id: `node.add.${kind}`, title: `Add ${kind}`, category: 'Add', run: () => addNodeAt(kind) })),
  ];
  return () => actions.forEach((off) => off());
}
