// The real engine behind every session (tests inject their own factories only where they must).
import { Simulation } from '../../core/engine/simulation';
import type { SimulationFactory } from './session/session';

export const createSimulation: SimulationFactory = (project, opts) => new Simulation(project, opts);
