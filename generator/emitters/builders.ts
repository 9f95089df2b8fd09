import {
  code,
  docComment,
  emitted,
  join,
  key,
  runtime,
  runtimeType,
  specifier,
  type Code,
  type ImportedName,
} from '../codegen/code.js';
import { renderCode } from '../codegen/templates.js';
import { walkFields } from '../model/build-fields.js';
import type { EventSchema, Field, Model } from '../model/types.js';
import { schemaInfo } from './catalog.js';
import {
  type EmitContext,
  emitModule,
  type EmittedFile,
  envelopeDocs,
  gatheringDocs,
  schemaDocs,
  schemaFolder,
} from './emitter.js';
import { eventType, schemaType, unionType } from './types.js';
import { validateModule } from './validators/module.js';

export const buildersModule = 'builders.ts';
/** generated/build.ts: the envelope rules and the one function every builder calls. */
export const buildModule = 'build.ts';

/** Where the builder of one schema is declared. */
export function schemaBuilderModule(event: EventSchema): string {
  return `${schemaFolder(event)}/builder.ts`;
}

/** The payload a schema's builder takes: `<Stem>PayloadInput`. */
function inputType(event: EventSchema): ImportedName {
  return emitted(schemaBuilderModule(event), `${event.typeStem}PayloadInput`, true);
}

const build = emitted(buildModule, 'build');

/**
 * `events/<Stem>/builder.ts` per schema (`<Stem>PayloadInput`, `create<Stem>Event`), build.ts
 * (the envelope rules and `build`) and builders.ts, which re-exports every schema's builder and
 * adds `createProactiveEvent({ name, … })`. Each builder takes the payload with localizable fields
 * as one string or one per locale, fills in the envelope, and validates the result.
 */
export function emitBuilders(context: EmitContext): EmittedFile[] {
  const { model } = context;
  return [...model.events.map(emitSchemaBuilder), emitBuild(model), emitAggregate(model)];
}

function emitSchemaBuilder(event: EventSchema): EmittedFile {
  const body = renderCode('schema-builder', {
    inputDoc: docComment(
      `The payload of ${event.name} as the builders take it: localizable fields accept one string or one per locale.`,
    ),
    Input: inputType(event),
    properties: join(event.payload.properties.map((field) => inputProperty(event, field))),
    createDoc: docComment(`Builds a valid ${event.name} event: ${event.description}`),
    create: emitted(schemaBuilderModule(event), `create${event.typeStem}Event`),
    EventInput: runtimeType('EventInput'),
    Event: eventType(event),
    build,
    schema: schemaInfo(event),
  });
  return emitModule(
    schemaBuilderModule(event),
    schemaDocs(event, `The builder of ${event.name} events.`),
    body,
  );
}

function emitBuild(model: Model): EmittedFile {
  const { envelope } = model;
  const { minMinutes, maxMinutes, defaultMinutes } = envelope.expiryWindow;
  const rules = {
    referencePrefix: envelope.localizedAttributes.referencePrefix,
    expiryWindow: { minMinutes, maxMinutes, defaultMinutes },
  };
  const body = renderCode('build', {
    rulesDoc: docComment(`The envelope rules of ${envelope.source} that builders follow.`),
    rules: code`${rules}`,
    BuilderRules: runtimeType('BuilderRules'),
    EventInput: runtimeType('EventInput'),
    SchemaInfo: runtimeType('SchemaInfo'),
    buildEvent: runtime('buildEvent'),
    localizablePaths: runtime('localizablePaths'),
    assertProactiveEvent: emitted(validateModule, 'assertProactiveEvent'),
    EventName: unionType('EventName'),
    EventOf: unionType('EventOf'),
  });
  return emitModule(
    buildModule,
    envelopeDocs(model, 'How every builder completes and checks an event.'),
    body,
  );
}

function emitAggregate(model: Model): EmittedFile {
  const body = renderCode('builders', {
    reexports: model.events.map(
      (event) => code`export * from ${specifier({ path: schemaBuilderModule(event) })};`,
    ),
    inputs: join(model.events.map((event) => code`${key(event.name)}: ${inputType(event)};`)),
    schemas: join(model.events.map((event) => code`${key(event.name)}: ${schemaInfo(event)},`)),
    EventName: unionType('EventName'),
    EventOf: unionType('EventOf'),
    EventInput: runtimeType('EventInput'),
    SchemaInfo: runtimeType('SchemaInfo'),
    build,
  });
  return emitModule(
    buildersModule,
    gatheringDocs(model, 'Builders of complete, valid proactive events.'),
    body,
    'values',
  );
}

/** A field as builders take it: the emitted type, unless a localizable field lies below it. */
function inputProperty(event: EventSchema, field: Field): Code {
  const optional = field.required ? code`` : code`?`;
  return code`${docComment(field.description)}
${key(field.key)}${optional}: ${inputFieldType(event, field)};`;
}

function inputFieldType(event: EventSchema, field: Field): Code {
  switch (field.kind) {
    case 'string':
      return field.localizable ? code`${runtimeType('LocalizableString')}` : code`string`;
    case 'date-time':
      return code`string`;
    case 'integer':
      return code`number`;
    case 'boolean':
      return code`boolean`;
    case 'enum':
      return code`${schemaType(event, field.typeName)}`;
    case 'array': {
      const items = inputFieldType(event, field.items);
      return inlineObject(field.items) ? code`Array<${items}>` : code`${items}[]`;
    }
    case 'object': {
      if (!inlineObject(field)) return code`${schemaType(event, field.typeName)}`;
      return code`{
  ${join(field.properties.map((property) => inputProperty(event, property)))}
}`;
    }
  }
}

/** An object with a localizable field below it is spelt out: its input type is not its type. */
function inlineObject(field: Field): boolean {
  return (
    field.kind === 'object' && [...walkFields(field)].some((candidate) => candidate.localizable)
  );
}
