// The project model: schema (the lead's), validation, migrations, JSON Schema, path helpers.
export * from './schema';
export type { Issue, ValidationResult } from './issues';
export { validateProject, validateProjectText } from './validate';
export { migrate, OLDEST_VERSION, type MigrateResult } from './migrate';
export { formatPath, LineIndex, JsonDocument, MAX_JSON_DEPTH } from './json-paths';
export { semanticChecks } from './semantic-checks';
