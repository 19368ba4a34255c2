// The mod runtime's entry point for the Simulation: a ModRuntime when the project has mods to run.
import type { Engine } from '../engine/engine';
import type { Lifecycle } from '../engine/lifecycle';
import { ModRuntime, type AnswerQuery, type StorageBackend } from './bridge';
import type { ModRuntimeHost } from './types';
import { answerQuery } from './queries';
import { storageForRun } from './storage';
import type { Project } from '../model/schema';

export interface ModRuntimeDeps {
  answer: AnswerQuery;
  /** One Redis + MySQL per run, shared by every simulated server (as real servers share them). */
  storage: (e: Engine) => StorageBackend;
}

const DEFAULT_DEPS: ModRuntimeDeps = {
  answer: answerQuery,
  storage: (e) => storageForRun(e.project.options, e.seed),
};

export function createModRuntime(e: Engine, life: Lifecycle, host: ModRuntimeHost | null, deps: ModRuntimeDeps = DEFAULT_DEPS): ModRuntime | null {
  if (!ModRuntime.wanted(e)) return null;
  return new ModRuntime(e, life, host, deps.answer, deps.storage(e));
}

/** Whether the project runs Python: a node with mod folders. */
export function projectHasMods(project: Project): boolean {
  return project.nodes.some((n) => (n.mods?.length ?? 0) > 0);
}

export type { ModRuntimeHost } from './types';
