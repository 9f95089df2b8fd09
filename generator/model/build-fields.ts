import { escapeSegment } from '../definitions/pointer.js';
import type { Problem } from '../definitions/problems.js';
import type { SourceFile } from '../definitions/source.js';
import { defaultTypeName } from './names.js';
import { patternProblem } from './patterns.js';
import type { EnumValue, Field, ObjectField } from './types.js';

/**
 * The locale every schema must have templates and spoken words for, as the definition format
 * requires it (definition.schema.json); the envelope's `localizedAttributes.fallbackLocale`
 * states the same fact for the emitted code and the runtime.
 */
export const requiredUtteranceLocale = 'en-US';

/** The definition-format shape of a field, as checked by definition.schema.json. */
export interface RawField {
  type: Field['kind'];
  description: string;
  required?: boolean;
  localizable?: boolean;
  typeName?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  values?: Record<string, { spoken: string | Record<string, string>; description?: string }>;
  properties?: Record<string, RawField>;
  items?: RawField;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** Enum values become identifiers and union members: letters, digits and underscores. */
const enumToken = /^[A-Za-z][A-Za-z0-9_]*$/;

interface Context {
  readonly source: SourceFile;
  readonly stem: string;
  readonly problems: Problem[];
}

/**
 * Turns a field map of the definition format into model fields. `pointer` is where the map sits
 * in the document, `path` the field path it stands for.
 */
export function buildFieldMap(
  context: Context,
  raw: Record<string, RawField>,
  pointer: string,
  path: readonly string[],
): Field[] {
  return Object.entries(raw).map(([key, field]) =>
    buildField(context, key, field, `${pointer}/${escapeSegment(key)}`, [...path, key]),
  );
}

/** The payload (or envelope) root as an object field. */
export function buildRoot(
  context: Context,
  raw: Record<string, RawField>,
  pointer: string,
  typeName: string,
  description: string,
): ObjectField {
  return {
    kind: 'object',
    key: '',
    path: [],
    description,
    required: true,
    localizable: false,
    typeName,
    properties: buildFieldMap(context, raw, pointer, []),
    position: { file: context.source.file, ...context.source.locate(pointer) },
  };
}

function buildField(
  context: Context,
  key: string,
  raw: RawField,
  pointer: string,
  path: readonly string[],
): Field {
  const { source, problems } = context;
  const base = {
    key,
    path,
    description: raw.description.trim(),
    required: raw.required ?? false,
    localizable: raw.localizable ?? false,
    position: { file: source.file, ...source.locate(pointer, { key: true }) },
  };
  const typeName = raw.typeName ?? defaultTypeName(context.stem, path);
  const ordered = (
    low: number | undefined,
    high: number | undefined,
    lowName: string,
    highName: string,
  ) => {
    if (low !== undefined && high !== undefined && low > high) {
      problems.push(
        source.problem(
          `${pointer}/${lowName}`,
          `${lowName} ${low} is greater than ${highName} ${high} (${lowName} ≤ ${highName})`,
        ),
      );
    }
  };
  switch (raw.type) {
    case 'string': {
      ordered(raw.minLength, raw.maxLength, 'minLength', 'maxLength');
      const problem = raw.pattern === undefined ? undefined : patternProblem(raw.pattern);
      if (problem !== undefined) problems.push(source.problem(`${pointer}/pattern`, problem));
      return {
        ...base,
        kind: 'string',
        minLength: raw.minLength,
        maxLength: raw.maxLength,
        pattern: problem === undefined ? raw.pattern : undefined,
      };
    }
    case 'integer':
      ordered(raw.minimum, raw.maximum, 'minimum', 'maximum');
      return { ...base, kind: 'integer', minimum: raw.minimum, maximum: raw.maximum };
    case 'boolean':
    case 'date-time':
      return { ...base, kind: raw.type };
    case 'enum':
      return {
        ...base,
        kind: 'enum',
        typeName,
        values: buildEnumValues(context, raw.values ?? {}, `${pointer}/values`),
      };
    case 'object':
      return {
        ...base,
        kind: 'object',
        typeName,
        properties: buildFieldMap(context, raw.properties ?? {}, `${pointer}/properties`, path),
      };
    case 'array':
      ordered(raw.minItems, raw.maxItems, 'minItems', 'maxItems');
      return {
        ...base,
        kind: 'array',
        items: buildField(context, key, { ...raw.items!, required: true }, `${pointer}/items`, [
          ...path,
          '*',
        ]),
        minItems: raw.minItems,
        maxItems: raw.maxItems,
        uniqueItems: raw.uniqueItems ?? false,
      };
  }
}

function buildEnumValues(
  context: Context,
  raw: NonNullable<RawField['values']>,
  pointer: string,
): EnumValue[] {
  return Object.entries(raw).map(([value, entry]) => {
    if (!enumToken.test(value)) {
      context.problems.push(
        context.source.problem(
          `${pointer}/${escapeSegment(value)}`,
          `enum value ${JSON.stringify(value)} is not a token (letters, digits and _, starting with a letter, e.g. SNOW_STORM)`,
          { key: true },
        ),
      );
    }
    const spoken =
      typeof entry.spoken === 'string'
        ? { [requiredUtteranceLocale]: entry.spoken }
        : { ...entry.spoken };
    return entry.description === undefined
      ? { value, spoken }
      : { value, spoken, description: entry.description };
  });
}

/** Finds the field at a dotted or segment path below `root`. */
export function fieldAt(root: ObjectField, path: readonly string[]): Field | undefined {
  let current: Field = root;
  for (const segment of path) {
    if (current.kind !== 'object') return undefined;
    const next: Field | undefined = current.properties.find((property) => property.key === segment);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** Every field below `root`, depth first, in definition order (array items included). */
export function* walkFields(root: Field): Generator<Field> {
  yield root;
  if (root.kind === 'object') for (const property of root.properties) yield* walkFields(property);
  if (root.kind === 'array') yield* walkFields(root.items);
}
