import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats, { type FormatName } from 'ajv-formats';
import { defaultOutDir } from '../../generator/paths.js';

/** The emitted JSON Schemas of this checkout: generated/schemas. */
export const schemasDir = join(defaultOutDir, 'schemas');
/** The union, which refers to every schema's own document by its `$id`. */
export const unionSchemaFile = 'proactive-event.schema.json';

export function loadSchema(file: string, dir = schemasDir): object {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as object;
}

/**
 * ajv set up as README says a user sets it up: formats added, then every schema's own document
 * added by `addSchema`, so the union's `$ref`s to their `$id`s resolve.
 */
export function ajvWithSchemas(
  options: Options,
  formats?: FormatName[],
  dir = schemasDir,
): Ajv2020 {
  const ajv = new Ajv2020(options);
  addFormats.default(ajv, formats);
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.schema.json') && file !== unionSchemaFile) {
      ajv.addSchema(loadSchema(file, dir));
    }
  }
  return ajv;
}

/** The union's validator, its per-schema documents loaded. */
export function compileUnion(options: Options, formats?: FormatName[], dir = schemasDir) {
  return ajvWithSchemas(options, formats, dir).compile(loadSchema(unionSchemaFile, dir));
}
