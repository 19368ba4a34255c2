// File versions: a project written by an older Switchboard is upgraded step by step (v0 → v1 → …)
// before the schema sees it. To add version N+1: bump PROJECT_VERSION in schema.ts and register the
// step N → N+1 in STEPS; every older file then reaches the current shape through the chain.
import { describeValue, type PathIssue } from './issues';
import { PROJECT_FORMAT, PROJECT_VERSION } from './schema';

type JsonObject = Record<string, unknown>;

/** One step: takes a file of version `from` (any shape; the schema checks the result) to `from + 1`. */
type Step = (file: JsonObject) => JsonObject;

export type MigrateResult =
  | { ok: true; value: JsonObject; from: number }
  | { ok: false; error: PathIssue };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * v0 (the pre-release format) differs from v1 in two names only:
 * links used `from`/`to` for their endpoints (v1: `a`/`b`, since a link has no direction), and
 * `options.broadcastToSelf` became `broadcastIncludesSender` (semantics §4).
 */
const v0ToV1: Step = (file) => {
  const out: JsonObject = { ...file, version: 1 };
  if (Array.isArray(file.links)) {
    out.links = file.links.map((link: unknown) => {
      if (!isObject(link)) return link;
      const { from, to, ...rest } = link;
      // A link already written with a/b keeps it; from/to only fill what is missing.
      return { ...rest, a: rest.a ?? from, b: rest.b ?? to };
    });
  }
  if (isObject(file.options) && 'broadcastToSelf' in file.options) {
    const { broadcastToSelf, ...rest } = file.options;
    out.options = { ...rest, broadcastIncludesSender: rest.broadcastIncludesSender ?? broadcastToSelf };
  }
  return out;
};

/** STEPS[n] takes version n to n + 1. */
const STEPS: Readonly<Record<number, Step>> = { 0: v0ToV1 };

/** The oldest version this build can still read. */
export const OLDEST_VERSION = 0;

function fail(path: (string | number)[], code: string, message: string): MigrateResult {
  return { ok: false, error: { path, code, message } };
}

/**
 * Checks `format` and `version`, then upgrades the file to PROJECT_VERSION. Never mutates `raw`;
 * never throws. A result with ok: true still has to pass the schema.
 */
export function migrate(raw: unknown): MigrateResult {
  if (!isObject(raw)) {
    const got = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`;
    return fail([], 'format.not-object', `a project file is a JSON object, got ${got}`);
  }
  if (!('format' in raw)) {
    return fail(['format'], 'format.missing', `missing "format": a project file starts with "format": "${PROJECT_FORMAT}"`);
  }
  if (raw.format !== PROJECT_FORMAT) {
    return fail(['format'], 'format.wrong', `"format" is ${describeValue(raw.format)}, expected "${PROJECT_FORMAT}" (is this a Switchboard project file?)`);
  }
  const version = raw.version;
  if (version === undefined) {
    return fail(['version'], 'version.missing', `missing "version" (the current version is ${PROJECT_VERSION})`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(['version'], 'version.invalid', `"version" must be an integer, got ${describeValue(version)}`);
  }
  if (version > PROJECT_VERSION) {
    return fail(['version'], 'version.newer', `this file is version ${version}, written by a newer Switchboard; this build reads versions ${OLDEST_VERSION} to ${PROJECT_VERSION}`);
  }
  if (version < OLDEST_VERSION) {
    return fail(['version'], 'version.unsupported', `version ${version} is not a Switchboard project version (oldest is ${OLDEST_VERSION})`);
  }
  let value = raw;
  for (let v = version; v < PROJECT_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return fail(['version'], 'version.unsupported', `no migration from version ${v} to ${v + 1}`);
    value = step(value);
  }
  return { ok: true, value, from: version };
}
