// Actions that need the React Flow instance (view, find, auto-layout), registered while the
// canvas is mounted.
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { registerAction } from '../commands/registry';
import { editProject } from '../edit/project-edits';
import { setPositions } from '../edit/topology';
import { useCanvasStore } from '../stores/canvas-store';
import { useDocumentStore } from '../stores/document-store';
import { autoLayout } from './auto-layout';
import { FIT_VIEW } from './view';

export function useCanvasActions(): void {
  const flow = useReactFlow();
  useEffect(() => {
    const offs = [
      registerAction({ id: 'view.fit', title: 'Fit view', category: 'View', shortcuts: ['Shift+1'], run: () => void flow.fitView({ ...FIT_VIEW, duration: 300 }) }),
      registerAction({ id: 'view.zoomIn', title: 'Zoom in', category: 'View', shortcuts: ['Ctrl+='], run: () => void flow.zoomIn({ duration: 150 }) }),
      registerAction({ id: 'view.zoomOut', title: 'Zoom out', category: 'View', shortcuts: ['Ctrl+-'], run: () => void flow.zoomOut({ duration: 150 }) }),
      registerAction({ id: 'edit.find', title: 'Find a node…', category: 'Edit', shortcuts: ['Ctrl+F'], inFields: true, run: () => useCanvasStore.getState().setFindOpen(true) }),
      registerAction({
        id: 'layout.auto',
        title: 'Auto-layout in role columns',
        category: 'Edit',
        shortcuts: ['Ctrl+Shift+L'],
        run: async () => {
          const project = useDocumentStore.getState().doc?.project;
          if (!project) return;
          const positions = await autoLayout(project);
          await editProject((p) => setPositions(p, positions));
          setTimeout(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }), 50);
        },
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [flow]);
}
