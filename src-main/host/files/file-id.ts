// Ids the UI uses to name the host's own files (autosave slots, recent entries). Every use of such
// an id goes through checkFileId before it becomes part of a path, so "../../x" can never name a
// file outside the folder it belongs to.
import { HostError } from '../errors';

/** What ids the host hands out look like: sha256 prefixes (hex) or "untitled". */
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isFileId(id: unknown): id is string {
  return typeof id === 'string' && FILE_ID.test(id);
}

/** The id itself when it is one the host could have made; otherwise a refusal naming the rule. */
export function checkFileId(id: unknown, what: string): string {
  if (!isFileId(id)) throw new HostError('invalid-request', `${what}: ${JSON.stringify(String(id)).slice(0, 80)} is not an id (1-64 letters, digits, "_" or "-")`);
  return id;
}
