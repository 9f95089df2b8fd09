import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { closest } from '../../runtime/suggest.js';
import { definitionSchemaPath } from '../paths.js';
import { escapeSegment } from './pointer.js';
import type { Problem } from './problems.js';
import type { SourceFile } from './source.js';

/** Which part of definition.schema.json a file must follow. */
export type DefinitionKind = 'event' | 'envelope';

let validators: Record<DefinitionKind, ValidateFunction> | undefined;

function validatorFor(kind: DefinitionKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      // Compiled once per run, run once per file: the optimiser costs more than it saves.
      code: { optimize: false },
    });
    addFormats.default(ajv, ['regex']);
    const schema = JSON.parse(readFileSync(definitionSchemaPath, 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    validators = {
      event: ajv.getSchema(`${schema.$id}#/$defs/eventDefinition`)!,
      envelope: ajv.getSchema(`${schema.$id}#/$defs/envelopeDefinition`)!,
    };
  }
  return validators[kind];
}

/** Checks a parsed definition against the definition format; every problem, with its position. */
export function checkFormat(source: SourceFile, kind: DefinitionKind): Problem[] {
  const validate = validatorFor(kind);
  if (validate(source.value)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const { pointer, message, key } = describeAjvError(error);
    const id = `${pointer}\0${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(source.problem(pointer, message, { key }));
  }
  return problems;
}

/**
 * ajv reports the failing branch of every `if`/`oneOf` besides the real cause; keep the specific
 * errors and drop the combinators' summaries when something more precise explains them.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const combinators = new Set(['if', 'oneOf', 'anyOf']);
  const specific = errors.filter((error) => !combinators.has(error.keyword));
  const oneOfPaths = new Set(
    errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath),
  );
  // Inside a oneOf, each branch's complaint is noise: report the oneOf itself instead.
  const kept = specific.filter(
    (error) =>
      ![...oneOfPaths].some(
        (path) => error.instancePath === path && /\/oneOf\/\d+\//.test(error.schemaPath),
      ),
  );
  const oneOfs = errors.filter(
    (error) =>
      error.keyword === 'oneOf' &&
      !kept.some((other) => other.instancePath.startsWith(`${error.instancePath}/`)),
  );
  return [...kept, ...oneOfs];
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

/** One ajv error as a located message: what is wrong (what was expected). */
export function describeAjvError(error: ErrorObject): {
  pointer: string;
  message: string;
  key?: boolean;
} {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'required':
      return {
        pointer,
        message: `"${String(params.missingProperty)}" is missing (a required property here)`,
      };
    case 'additionalProperty':
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((schema?.properties as object | undefined) ?? {});
      const suggestion = closest(name, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
      return {
        pointer: `${pointer}/${escapeSegment(name)}`,
        key: true,
        message: `unknown property "${name}" (one of ${allowed.join(', ')}${hint})`,
      };
    }
    case 'type':
      return {
        pointer,
        message: `${typeOf(error.data)} is not allowed here (${String(params.type)})`,
      };
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const suggestion =
        typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined;
      return {
        pointer,
        message: `${show(error.data)} is not allowed (one of ${allowed.map(String).join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''})`,
      };
    }
    case 'const':
      return {
        pointer,
        message: `${show(error.data)} is not allowed (${show(params.allowedValue)})`,
      };
    case 'pattern': {
      const what = typeof schema?.description === 'string' ? `: ${schema.description}` : '';
      return {
        pointer,
        message: `${show(error.data)} has the wrong form (matching ${String(params.pattern)}${what})`,
      };
    }
    case 'propertyNames':
      return {
        pointer,
        message: `${show(params.propertyName)} is not an allowed name here (${error.message ?? ''})`,
      };
    case 'minItems':
      return {
        pointer,
        message: `the list is too short (at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'})`,
      };
    case 'minProperties':
      return { pointer, message: `the map is empty (at least ${String(params.limit)} entry)` };
    case 'minLength':
      return {
        pointer,
        message: `the text is too short (at least ${String(params.limit)} character${params.limit === 1 ? '' : 's'})`,
      };
    case 'minimum':
      return {
        pointer,
        message: `${show(error.data)} is too small (at least ${String(params.limit)})`,
      };
    case 'uniqueItems':
      return {
        pointer,
        message: `items ${String(params.j)} and ${String(params.i)} are the same (no duplicates)`,
      };
    case 'format':
      return {
        pointer,
        message: `${show(error.data)} is not a valid ${String(params.format)} (${params.format === 'regex' ? 'a JavaScript regular expression' : 'an ISO 8601 date-time with a zone, e.g. 2019-05-18T12:00:00Z'})`,
      };
    case 'not':
      return {
        pointer,
        message: `${show(error.data)} is not allowed here (a value that does not match the excluded form)`,
      };
    case 'maxItems':
      return { pointer, message: `the list has too many items (at most ${String(params.limit)})` };
    case 'maxProperties':
      return {
        pointer,
        message: `the map must be empty (at most ${String(params.limit)} entries)`,
      };
    case 'maxLength':
      return {
        pointer,
        message: `the text is too long (at most ${String(params.limit)} characters)`,
      };
    case 'maximum':
      return {
        pointer,
        message: `${show(error.data)} is too large (at most ${String(params.limit)})`,
      };
    case 'oneOf':
      return {
        pointer,
        message: `${show(error.data)} does not have an accepted shape (${oneOfHint(schema)})`,
      };
    default:
      return { pointer, message: `${error.message ?? 'is invalid'} (${error.keyword})` };
  }
}

function oneOfHint(schema: Record<string, unknown> | undefined): string {
  const description = schema?.description;
  return typeof description === 'string' ? description : 'see definitions/definition.schema.json';
}
