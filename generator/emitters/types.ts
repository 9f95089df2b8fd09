import {
  code,
  docComment,
  emitted,
  join,
  key,
  specifier,
  type Code,
  type ImportedName,
} from '../codegen/code.js';
import { walkFields } from '../model/build-fields.js';
import type { EventSchema, Field, Model, ObjectField } from '../model/types.js';
import {
  type EmitContext,
  emitModule,
  type EmittedFile,
  envelopeDocs,
  gatheringDocs,
  schemaDocs,
  schemaFolder,
} from './emitter.js';

/** generated/types/index.ts: the union of every event and the types over it. */
export const typesModule = 'types/index.ts';
/** generated/types/envelope.ts: the envelope every event shares. */
export const envelopeTypesModule = 'types/envelope.ts';

/** Where the types of one schema are declared. */
export function schemaTypesModule(event: EventSchema): string {
  return `${schemaFolder(event)}/types.ts`;
}

/** A type declared by the types of `event` (an object's or enum's typeName), imported where used. */
export function schemaType(event: EventSchema, typeName: string): ImportedName {
  return emitted(schemaTypesModule(event), typeName, true);
}

/** The complete event type of a schema: `<TypeStem>Event`. */
export function eventType(event: EventSchema): ImportedName {
  return schemaType(event, `${event.typeStem}Event`);
}

/** A type of generated/types/index.ts (`ProactiveEvent`, `EventName`, `EventOf`, `PayloadOf`). */
export function unionType(name: 'ProactiveEvent' | 'EventName' | 'EventOf' | 'PayloadOf') {
  return emitted(typesModule, name, true);
}

/** A type of generated/types/envelope.ts. */
export function envelopeType(name: string): ImportedName {
  return emitted(envelopeTypesModule, name, true);
}

/**
 * The TypeScript types: one module per schema (its event, payload, objects and enums, in the
 * order of the definition), one for the envelope, and types/index.ts with the union.
 */
export function emitTypes(context: EmitContext): EmittedFile[] {
  const { model } = context;
  return [
    ...model.events.map((event) => emitSchemaTypes(model, event)),
    emitEnvelopeTypes(model),
    emitUnion(model),
  ];
}

function emitSchemaTypes(model: Model, event: EventSchema): EmittedFile {
  const { envelope } = model;
  const declarations: Code[] = [
    code`${docComment(`${event.name}: ${event.description}`)}
export interface ${eventType(event)} extends ${envelopeType('EventEnvelope')} {
  ${docComment(envelope.event.description)}
  event: {
    ${docComment(envelope.event.name)}
    name: ${event.name};
    ${docComment(`${envelope.event.payload} (${event.name})`)}
    payload: ${schemaType(event, event.payload.typeName)};
  };
}`,
  ];
  const declared = new Set<string>();
  for (const field of walkFields(event.payload)) {
    if ((field.kind !== 'object' && field.kind !== 'enum') || declared.has(field.typeName))
      continue;
    declared.add(field.typeName);
    declarations.push(declaration(event, field));
  }
  return emitModule(
    schemaTypesModule(event),
    schemaDocs(event, `The types of ${event.name}.`),
    join(declarations, '\n\n'),
  );
}

function declaration(event: EventSchema, field: Field & { typeName: string }): Code {
  const doc = docComment(
    field.path.length === 0 ? `The payload of ${event.name}.` : field.description,
  );
  const name = schemaType(event, field.typeName);
  if (field.kind === 'enum') {
    return code`${doc}
export type ${name} = ${join(
      field.values.map((value) => code`${value.value}`),
      ' | ',
    )};`;
  }
  const object = field as ObjectField;
  return code`${doc}
export interface ${name} {
  ${join(object.properties.map((property) => propertySignature(event, property)))}
}`;
}

function propertySignature(event: EventSchema, field: Field): Code {
  return code`${docComment(field.description)}
${key(field.key)}${optionalMark(field)}: ${typeOf(event, field)};`;
}

/** The type of a field's values. */
function typeOf(event: EventSchema, field: Field): Code {
  switch (field.kind) {
    case 'string':
    case 'date-time':
      return code`string`;
    case 'integer':
      return code`number`;
    case 'boolean':
      return code`boolean`;
    case 'enum':
    case 'object':
      return code`${schemaType(event, field.typeName)}`;
    case 'array': {
      const item = typeOf(event, field.items);
      const rest = field.items.kind === 'array' ? code`(${item})[]` : code`${item}[]`;
      // At least minItems items, as a tuple prefix, so `[]` does not type-check where one is needed.
      const required = Math.min(field.minItems ?? 0, maxTupleItems);
      if (required === 0) return rest;
      return code`[${join(
        Array.from({ length: required }, () => item),
        ', ',
      )}, ...${rest}]`;
    }
  }
}

function emitEnvelopeTypes(model: Model): EmittedFile {
  const { envelope } = model;
  const { unicast, multicast } = envelope.relevantAudience;
  const fields = envelope.fields.map(
    (field) => code`${docComment(field.description)}
${key(field.key)}${optionalMark(field)}: string;`,
  );
  const body = code`${docComment(`What every event has around its payload. ${envelope.description}`)}
export interface EventEnvelope {
  ${join(fields)}
  ${docComment(envelope.event.description)}
  event: {
    ${docComment(envelope.event.name)}
    name: string;
    ${docComment(envelope.event.payload)}
    payload: object;
  };
  ${docComment(envelope.localizedAttributes.description)}
  localizedAttributes: LocalizedAttributeSet[];
  ${docComment(envelope.relevantAudience.description)}
  relevantAudience: RelevantAudience;
}

${docComment(`${envelope.localizedAttributes.description} One entry per locale.`)}
export interface LocalizedAttributeSet {
  ${docComment(envelope.localizedAttributes.localeDescription)}
  locale: string;
  [key: string]: string | undefined;
}

${docComment(envelope.relevantAudience.description)}
export type RelevantAudience = UnicastAudience | MulticastAudience;

${docComment(unicast.description)}
export interface UnicastAudience {
  type: "Unicast";
  payload: {
    ${docComment(unicast.userDescription)}
    user: string;
  };
}

${docComment(multicast.description)}
export interface MulticastAudience {
  type: "Multicast";
  payload: Record<string, never>;
}`;
  return emitModule(
    envelopeTypesModule,
    envelopeDocs(model, 'The envelope of every proactive event.'),
    body,
  );
}

function emitUnion(model: Model): EmittedFile {
  const { envelope, events } = model;
  const members = events.map((event) => code`| ${eventType(event)}`);
  const body = code`export type * from ${specifier({ path: envelopeTypesModule })};
${join(
  events.map((event) => code`export type * from ${specifier({ path: schemaTypesModule(event) })};`),
)}

${docComment(`${envelope.description} One of the ${events.length} schemas Amazon accepts, told apart by event.name.`)}
export type ProactiveEvent =
  ${join(members, '\n')};

/** The name of every event schema Amazon accepts. */
export type EventName = ProactiveEvent['event']['name'];

/** The complete event (envelope included) of the schema named N. */
export type EventOf<N extends EventName> = Extract<ProactiveEvent, { event: { name: N } }>;

/** The payload of the schema named N. */
export type PayloadOf<N extends EventName> = EventOf<N>['event']['payload'];`;
  return emitModule(
    typesModule,
    gatheringDocs(model, 'TypeScript types of every proactive event schema.'),
    body,
    'types',
  );
}

/** Up to how many required items an array type spells out. */
const maxTupleItems = 8;

/** `?` after the key of an optional property. */
function optionalMark(field: Field): Code {
  return field.required ? code`` : code`?`;
}
