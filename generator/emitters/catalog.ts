import {
  code,
  docComment,
  emitted,
  join,
  runtimeType,
  type ImportedName,
} from '../codegen/code.js';
import { renderCode } from '../codegen/templates.js';
import { schemaInfoOf } from '../model/tables.js';
import type { EventSchema, Model } from '../model/types.js';
import {
  type EmitContext,
  emitModule,
  type EmittedFile,
  gatheringDocs,
  schemaDocs,
  schemaFolder,
} from './emitter.js';
import { unionType } from './types.js';

export const catalogModule = 'catalog.ts';

/** Where the field list of one schema is declared. */
export function schemaInfoModule(event: EventSchema): string {
  return `${schemaFolder(event)}/schema.ts`;
}

/** The constant holding a schema's description and field list: `<lowerCamelStem>Schema`. */
export function schemaInfo(event: EventSchema): ImportedName {
  return emitted(schemaInfoModule(event), `${lowerCamelStem(event)}Schema`);
}

/** WeatherAlertActivated → weatherAlertActivated: the stem of a schema's constants. */
export function lowerCamelStem(event: EventSchema): string {
  return event.typeStem.charAt(0).toLowerCase() + event.typeStem.slice(1);
}

/**
 * `events/<Stem>/schema.ts` per schema (its description and its one field list, every rule of
 * every field included) and catalog.ts, which lists them in catalog order.
 */
export function emitCatalog(context: EmitContext): EmittedFile[] {
  const { model } = context;
  return [...model.events.map(emitSchemaInfo), emitAggregate(model)];
}

function emitSchemaInfo(event: EventSchema): EmittedFile {
  const doc = docComment(
    `${event.name}: its description, locales and fields, every rule of each field included.`,
  );
  const body = code`${doc}
export const ${schemaInfo(event)} = ${schemaInfoOf(event)} as const satisfies ${runtimeType('SchemaInfo')};`;
  return emitModule(
    schemaInfoModule(event),
    schemaDocs(event, `The fields of ${event.name}.`),
    body,
  );
}

function emitAggregate(model: Model): EmittedFile {
  const body = renderCode('catalog', {
    schemas: join(
      model.events.map((event) => code`${schemaInfo(event)},`),
      '\n',
    ),
    eventNames: code`${model.events.map((event) => event.name)}`,
    SchemaInfo: runtimeType('SchemaInfo'),
    EventName: unionType('EventName'),
  });
  return emitModule(
    catalogModule,
    gatheringDocs(model, 'The catalog of event schemas.'),
    body,
    'values',
  );
}
