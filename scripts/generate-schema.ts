// `npm run schema`: regenerates schema/switchboard-project.schema.json from the zod schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectJsonSchemaText } from '../core/model/json-schema';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../schema/switchboard-project.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, projectJsonSchemaText());
console.log(`wrote ${target}`);
