// The messages between the host and its project-validation worker (project-validator.ts and
// validate-worker.ts). Structured clone carries them; a project's bigints survive it.
import type { ProjectRead, ProjectStage } from './project-file';

/** A file's bytes (transferred, not copied) or an upload's text, to validate. */
export type ValidateRequest = { id: number; name: string } & ({ bytes: Uint8Array } | { text: string });

export type ValidateReply =
  | { type: 'ready' }
  | { type: 'stage'; id: number; stage: ProjectStage }
  | { type: 'result'; id: number; read: ProjectRead }
  /** A valid project as JSON text: JSON.parse on the host's loop is 3-4× faster than structured clone. */
  | { type: 'valid'; id: number; read: Omit<Extract<ProjectRead, { ok: true }>, 'project'>; json: string }
  | { type: 'failed'; id: number; message: string };
