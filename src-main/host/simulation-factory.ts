// The real engine behind every session (tests inject their own factories only where they must).
// A project with Python mods gets the CPython mod runtime, rooted at the project's folder.
import { Simulation } from '../../core/engine/simulation';
import { projectHasMods } from '../../core/mods';
import { PythonModHost } from '../mods/python-host';
import type { SimulationFactory } from './session/session';

export const createSimulation: SimulationFactory = (project, opts, context) => {
  const mods = projectHasMods(project) ? new PythonModHost({ projectDir: context?.projectDir ?? process.cwd(), python: context?.python ?? null }) : undefined;
  return new Simulation(project, { ...opts, ...(mods ? { mods } : {}) });
};
