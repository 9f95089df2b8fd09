import { code, docComment, emitted, join, key, type ImportedName } from '../codegen/code.js';
import { renderCode } from '../codegen/templates.js';
import type { EventSchema, Model } from '../model/types.js';
import { lowerCamelStem } from './catalog.js';
import {
  type EmitContext,
  emitModule,
  type EmittedFile,
  gatheringDocs,
  schemaDocs,
  schemaFolder,
} from './emitter.js';
import { eventType, unionType } from './types.js';

export const examplesModule = 'examples.ts';

/** Where the examples of one schema are declared. */
export function schemaExamplesModule(event: EventSchema): string {
  return `${schemaFolder(event)}/examples.ts`;
}

/** The examples of one schema: `<lowerCamelStem>Examples`. */
function schemaExamples(event: EventSchema): ImportedName {
  return emitted(schemaExamplesModule(event), `${lowerCamelStem(event)}Examples`);
}

/**
 * `events/<Stem>/examples.ts` per schema and examples.ts, `exampleEvents` by name. Emitting them
 * makes the type-check of generated/ prove that each example is an event of its schema, and gives
 * users and tests ready-made valid events.
 */
export function emitExamples(context: EmitContext): EmittedFile[] {
  const { model } = context;
  return [...model.events.map(emitSchemaExamples), emitAggregate(model)];
}

function emitSchemaExamples(event: EventSchema): EmittedFile {
  const doc = docComment(
    `Example events of ${event.name}, from its definition, valid as they are (for a fixed clock).`,
  );
  const examples = event.examples.map((example) => example.event);
  const body = code`${doc}
export const ${schemaExamples(event)}: readonly ${eventType(event)}[] = ${examples};`;
  return emitModule(
    schemaExamplesModule(event),
    schemaDocs(event, `Example events of ${event.name}.`),
    body,
  );
}

function emitAggregate(model: Model): EmittedFile {
  const body = renderCode('examples', {
    entries: join(
      model.events.map((event) => code`${key(event.name)}: ${schemaExamples(event)},`),
      '\n',
    ),
    EventName: unionType('EventName'),
    EventOf: unionType('EventOf'),
  });
  return emitModule(
    examplesModule,
    gatheringDocs(model, 'Example events from the definitions.'),
    body,
    'values',
  );
}
