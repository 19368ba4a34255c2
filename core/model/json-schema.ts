// The JSON Schema of the project file, generated from the zod schema (schema.ts stays the single
// source). `npm run schema` writes it to schema/switchboard-project.schema.json for editors; a unit
// test fails when the committed file falls behind.
import { z } from 'zod';
import { CallAction, PROJECT_FORMAT, PROJECT_VERSION, Project, Template } from './schema';

export function projectJsonSchema(): Record<string, unknown> {
  // The recursive parts get readable $defs names instead of zod's __schema0, __schema1.
  const names = z.registry<{ id: string }>();
  names.add(Template, { id: 'Template' });
  names.add(CallAction, { id: 'CallAction' });
  // io 'input': the schema describes what a file may contain (fields with defaults are optional).
  const generated = z.toJSONSchema(Project, {
    io: 'input', metadata: names, cycles: 'ref', reused: 'inline',
    // A bigint (an integer beyond 2^53 in a payload) is written in the file as an integer.
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'bigint') ctx.jsonSchema.type = 'integer';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Switchboard project (${PROJECT_FORMAT}, version ${PROJECT_VERSION})`,
    description: 'A *.switchboard.json file: Apollo server topology, mod-system behaviours, options and scenarios.',
    ...rest,
  };
}

/** The file's exact text: 2-space JSON and a final newline, so regeneration is byte-stable. */
export function projectJsonSchemaText(): string {
  return `${JSON.stringify(projectJsonSchema(), null, 2)}\n`;
}
