import {
  code,
  docComment,
  join,
  member,
  regexp,
  runtimeNamespace,
  Scope,
  type Code,
  type ImportedName,
  type Name,
} from '../../codegen/code.js';
import { walkFields } from '../../model/build-fields.js';
import type { EventSchema, Field, ObjectField } from '../../model/types.js';

/**
 * The boolean path of one schema: a function per object type of its payload, `is<TypeName>`,
 * in the order of the definition, each a block per property that returns false at the first
 * broken rule. An object is closed when the properties it has are as many as the known ones it
 * has. A property's block holds all there is to it, so a new field is one new block.
 */

/** The runtime's boolean-path helpers, read from its namespace (runtime/validation/fast.ts). */
const rt = runtimeNamespace();

/** Up to this many values, an enum compares with `===` instead of looking up a Set. */
const inlineLimit = 6;

export interface BooleanPath {
  /** `is<Stem>Payload`. */
  readonly entry: Name;
  readonly code: Code;
}

interface Context {
  readonly event: EventSchema;
  readonly module: Scope;
  /** The emitted module's reference prefix constant. */
  readonly prefix: ImportedName;
  /** Declarations emitted so far: constants just before the function that first uses them. */
  readonly declarations: Code[];
  readonly functions: Map<string, Name>;
}

export function emitBooleanPath(event: EventSchema, prefix: ImportedName): BooleanPath {
  const module = new Scope();
  for (const reserved of helperNames) module.reserve(reserved);
  const context: Context = { event, module, prefix, declarations: [], functions: new Map() };
  const entry = objectFunction(context, event.payload, `is${event.typeStem}Payload`, {
    doc: `Whether an ${event.name} payload is valid; the keys of its localized references go to \`references\`.`,
    exported: true,
  });
  return { entry, code: join(context.declarations, '\n\n') };
}

/** Names the emitted code uses besides its own: never given to a field's local. */
const helperNames = [
  'runtime',
  'value',
  'references',
  'present',
  'item',
  'hasOwn',
  'isRecord',
  'ownKeyCount',
  'isPlainText',
  'isLocalizableText',
  'isDateTimeText',
  'isIntegerWithin',
  'hasLength',
  'isArrayWithin',
  'isUnique',
  'referencePrefix',
];

function objectFunction(
  context: Context,
  field: ObjectField,
  preferred: string,
  options: { doc?: string; exported?: boolean } = {},
): Name {
  const existing = context.functions.get(field.typeName);
  if (existing) return existing;
  const name = context.module.unique(preferred);
  context.functions.set(field.typeName, name);
  const locals = new Scope();
  for (const reserved of new Set([...helperNames, ...context.module.usedNames()])) {
    locals.reserve(reserved);
  }
  const usesReferences = holdsReferences(field);
  // The function's place comes before the functions of its properties: the file reads top-down.
  const slot = context.declarations.push(code``) - 1;
  const constants: Code[] = [];
  const value = code`value`;
  const blocks = field.properties.map((property) =>
    propertyBlock(context, property, value, locals, constants),
  );
  const doc = docComment(
    options.doc ?? `Whether a value is a valid ${field.typeName}: ${field.description}`,
  );
  context.declarations[slot] = join(
    [
      ...constants,
      code`${doc}
${options.exported ? code`export ` : code``}function ${name}(value: unknown${usesReferences ? code`, references: string[]` : code``}): boolean {
  if (!${rt}isRecord(value)) return false;
  let present = 0;
  ${join(blocks, '\n')}
  return present === ${rt}ownKeyCount(value);
}`,
    ],
    '\n\n',
  );
  return name;
}

/** Reads one property and returns false unless it is valid; counts it when present. */
function propertyBlock(
  context: Context,
  field: Field,
  object: Code,
  locals: Scope,
  constants: Code[],
): Code {
  const local = locals.unique(field.key);
  const has = code`${rt}hasOwn(${object}, ${field.key})`;
  const read = code`const ${local} = ${member(object, field.key)};`;
  const doc = docComment(`${field.key}: ${field.description}`);
  const check = statements(context, field, local, locals, constants);
  return field.required
    ? code`${doc}
if (!${has}) return false;
present++;
${read}
${check}`
    : code`${doc}
if (${has}) {
  present++;
  ${read}
  if (${local} !== undefined) {
    ${check}
  }
}`;
}

/** Statements returning false unless `value` satisfies `field`. */
function statements(
  context: Context,
  field: Field,
  value: Code,
  locals: Scope,
  constants: Code[],
): Code {
  switch (field.kind) {
    case 'array': {
      const item = locals.unique('item');
      const limits = [
        field.minItems === undefined && field.maxItems === undefined
          ? code``
          : code`, ${field.minItems ?? code`undefined`}${field.maxItems === undefined ? code`` : code`, ${field.maxItems}`}`,
      ];
      return code`if (!${rt}isArrayWithin(${value}${join(limits, '')})) return false;
for (const ${item} of ${value}) {
  ${statements(context, field.items, item, locals, constants)}
}
${field.uniqueItems ? code`if (!${rt}isUnique(${value})) return false;` : code``}`;
    }
    default:
      return code`if (!(${test(context, field, value, constants)})) return false;`;
  }
}

/** An expression that is true when `value` satisfies `field` (not an array). */
function test(context: Context, field: Field, value: Code, constants: Code[]): Code {
  switch (field.kind) {
    case 'string': {
      const tests = [
        field.localizable
          ? code`${rt}isLocalizableText(${value}, ${context.prefix}, references)`
          : code`${rt}isPlainText(${value}, ${context.prefix})`,
      ];
      if (field.minLength !== undefined || field.maxLength !== undefined) {
        tests.push(
          code`${rt}hasLength(${value} as string, ${field.minLength ?? code`undefined`}${field.maxLength === undefined ? code`` : code`, ${field.maxLength}`})`,
        );
      }
      if (field.pattern !== undefined) {
        const pattern = context.module.unique(`${field.key}Pattern`);
        constants.push(
          code`${docComment(`The pattern of ${field.path.join('.')}.`)}\nconst ${pattern} = ${regexp(field.pattern)};`,
        );
        tests.push(code`${pattern}.test(${value} as string)`);
      }
      return join(tests, ' && ');
    }
    case 'integer': {
      const bounds =
        field.minimum === undefined && field.maximum === undefined
          ? code``
          : code`, ${field.minimum ?? code`undefined`}${field.maximum === undefined ? code`` : code`, ${field.maximum}`}`;
      return code`${rt}isIntegerWithin(${value}${bounds})`;
    }
    case 'boolean':
      return code`typeof ${value} === "boolean"`;
    case 'date-time':
      return code`${rt}isDateTimeText(${value})`;
    case 'enum': {
      const values = field.values.map((entry) => entry.value);
      if (values.length <= inlineLimit) {
        return join(
          values.map((entry) => code`${value} === ${entry}`),
          ' || ',
        );
      }
      const set = context.module.unique(
        `${field.typeName[0]!.toLowerCase()}${field.typeName.slice(1)}Values`,
      );
      constants.push(
        code`${docComment(`The values of ${field.typeName}.`)}\nconst ${set}: ReadonlySet<unknown> = new Set(${values});`,
      );
      return code`${set}.has(${value})`;
    }
    case 'object': {
      const check = objectFunction(context, field, `is${field.typeName}`);
      return holdsReferences(field)
        ? code`${check}(${value}, references)`
        : code`${check}(${value})`;
    }
    case 'array':
      throw new TypeError('arrays are checked by statements');
  }
}

/** Whether a localizable field lies below `field`: its check then collects reference keys. */
function holdsReferences(field: Field): boolean {
  return [...walkFields(field)].some((candidate) => candidate.localizable);
}
