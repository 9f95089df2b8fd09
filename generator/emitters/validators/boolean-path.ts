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
import type { Envelope, EventSchema, Field } from '../../model/types.js';

/**
 * The boolean path of one schema: a function per object type of its payload, `is<TypeName>`,
 * in the order of the definition. Each walks the object's own enumerable keys (what
 * JSON.stringify sends) once: a `case` per property reads and checks it (and counts it when it is
 * required), any other key returns false; after the walk, every required property must have been
 * met. A property's case holds all there is to it, so a new field is one inserted case.
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
  readonly module: Scope;
  /** The emitted module's reference prefix constant. */
  readonly prefix: ImportedName;
  /** Declarations emitted so far: constants just before the function that first uses them. */
  readonly declarations: Code[];
  readonly functions: Map<string, Name>;
}

export function emitBooleanPath(event: EventSchema, prefix: ImportedName): BooleanPath {
  const context = newContext(prefix);
  const entry = objectFunction(context, event.payload, `is${event.typeStem}Payload`, {
    doc: `Whether an ${event.name} payload is valid; the keys of its localized references go to \`references\`.`,
    exported: true,
  });
  return { entry, code: join(context.declarations, '\n\n') };
}

/**
 * The envelope's boolean path: its own fields, and the parts whose contents the event validator
 * checks (event, localizedAttributes, relevantAudience) present, and nothing else.
 */
export function emitEnvelopeBooleanPath(envelope: Envelope, prefix: ImportedName): BooleanPath {
  const context = newContext(prefix);
  const shape = { typeName: 'EventEnvelope', properties: envelope.fields };
  const entry = objectFunction(context, shape, 'isEventEnvelope', {
    doc: `Whether a value is an envelope with valid fields (${envelope.fields.map((field) => field.key).join(', ')}) and with ${envelopeParts.join(', ')}, whose contents the event validator checks; nothing else.`,
    exported: true,
    parts: envelopeParts,
    window: envelope.expiryWindow,
  });
  return { entry, code: join(context.declarations, '\n\n') };
}

/** The envelope's parts besides its fields: the format's own keys (types/envelope.ts writes them too). */
const envelopeParts = ['event', 'localizedAttributes', 'relevantAudience'];

function newContext(prefix: ImportedName): Context {
  const module = new Scope();
  for (const reserved of helperNames) module.reserve(reserved);
  return { module, prefix, declarations: [], functions: new Map() };
}

/** Names the emitted code uses besides its own: never given to a field's local. */
const helperNames = [
  'runtime',
  'value',
  'references',
  'key',
  'required',
  'item',
  'isOwnKey',
  'isWithinWindow',
  'isRecord',
  'isPlainText',
  'isLocalizableText',
  'isDateTimeText',
  'isIntegerWithin',
  'hasLength',
  'isArrayWithin',
  'isUnique',
  'referencePrefix',
];

/** What an object check is made of: an object field, or the envelope's fields. */
interface Shape {
  readonly typeName: string;
  readonly description?: string;
  readonly properties: readonly Field[];
}

function objectFunction(
  context: Context,
  field: Shape,
  preferred: string,
  options: {
    doc?: string;
    exported?: boolean;
    /** Keys that must be present, their contents checked elsewhere. */
    parts?: readonly string[];
    /** Two required date-time properties checked together: `end` lies in a window after `start`. */
    window?: Envelope['expiryWindow'];
  } = {},
): Name {
  const existing = context.functions.get(field.typeName);
  if (existing) return existing;
  const name = context.module.unique(preferred);
  context.functions.set(field.typeName, name);
  const locals = new Scope();
  for (const reserved of new Set([...helperNames, ...context.module.usedNames()])) {
    locals.reserve(reserved);
  }
  const usesReferences = field.properties.some(holdsReferences);
  // The function's place comes before the functions of its properties: the file reads top-down.
  const slot = context.declarations.push(code``) - 1;
  const constants: Code[] = [];
  const { window } = options;
  const isWindowEnd = (key: string) => key === window?.start || key === window?.end;
  const cases = field.properties.map((property) =>
    propertyCase(context, property, {
      checked: !isWindowEnd(property.key),
      locals,
      constants,
    }),
  );
  const parts = options.parts ?? [];
  if (parts.length > 0) {
    cases.push(code`${docComment(`${parts.join(', ')}: checked by the event validator.`)}
${join(
  parts.map((part) => code`case ${part}:`),
  '\n',
)}
  required++;
  break;`);
  }
  const requiredKeys = [
    ...field.properties.filter((property) => property.required).map((property) => property.key),
    ...parts,
  ];
  // What must hold once every key was walked, each with its words.
  const finals: { test: Code; words: string }[] = [];
  if (requiredKeys.length > 0) {
    finals.push({
      test: code`required === ${requiredKeys.length}`,
      words: `Every required property was met: ${requiredKeys.join(', ')}.`,
    });
  }
  if (window !== undefined) {
    finals.push({
      test: code`${rt}isWithinWindow(${member(code`value`, window.start)}, ${member(code`value`, window.end)}, ${window.minMinutes}, ${window.maxMinutes})`,
      words: `${window.end} lies ${window.minMinutes} to ${window.maxMinutes} minutes after ${window.start}, both date-times.`,
    });
  }
  const verdict =
    finals.length === 0
      ? code`return true;`
      : code`${docComment(finals.map((final) => final.words).join(' '))}
return ${join(
          finals.map((final) => final.test),
          ' && ',
        )};`;
  const doc = docComment(
    options.doc ?? `Whether a value is a valid ${field.typeName}: ${field.description}`,
  );
  context.declarations[slot] = join(
    [
      ...constants,
      code`${doc}
${options.exported ? code`export ` : code``}function ${name}(value: unknown${usesReferences ? code`, references: string[]` : code``}): boolean {
  if (!${rt}isRecord(value)) return false;
  ${requiredKeys.length > 0 ? code`let required = 0;` : code``}
  // Each own key once: what JSON.stringify sends (for-in also meets inherited ones).
  for (const key in value) {
    if (!${rt}isOwnKey(value, key)) continue;
    switch (key) {
      ${join(cases, '\n')}
      default:
        return false;
    }
  }
  ${verdict}
}`,
    ],
    '\n\n',
  );
  return name;
}

/**
 * The `case` of one property: reads it, returns false unless it is valid, and counts it when
 * it is required. An end of the window is only counted: the window check after the walk reads it.
 */
function propertyCase(
  context: Context,
  field: Field,
  block: { checked: boolean; locals: Scope; constants: Code[] },
): Code {
  const { locals, constants } = block;
  const doc = docComment(
    `${field.key}: ${field.description}${block.checked ? '' : ' (Checked with the window, after the walk.)'}`,
  );
  if (!block.checked) {
    // The model requires the window's ends: the window check reads them.
    if (!field.required) throw new TypeError(`${field.key}: an end of the window is required`);
    return code`${doc}
case ${field.key}:
  required++;
  break;`;
  }
  const local = locals.unique(field.key);
  const read = code`const ${local} = ${member(code`value`, field.key)};`;
  const check = statements(context, field, local, locals, constants);
  return field.required
    ? code`${doc}
case ${field.key}: {
  ${read}
  ${check}
  required++;
  break;
}`
    : code`${doc}
case ${field.key}: {
  ${read}
  if (${local} !== undefined) {
    ${check}
  }
  break;
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
