import {
  code,
  docComment,
  emitted,
  runtimeType,
  runtime,
  specifier,
  Code,
} from '../../codegen/code.js';
import { renderCode } from '../../codegen/templates.js';
import { envelopeRulesOf } from '../../model/tables.js';
import { lowerCamelStem, schemaInfo } from '../catalog.js';
import type { EventSchema, Model } from '../../model/types.js';
import {
  allSources,
  type EmitContext,
  emitModule,
  type EmittedFile,
  envelopeDocs,
  schemaDocs,
  schemaFolder,
} from '../emitter.js';
import { unionType } from '../types.js';
import { emitBooleanPath, emitEnvelopeBooleanPath } from './boolean-path.js';

export const validateModule = 'validate.ts';
export const envelopeModule = 'envelope.ts';

/** Where a schema's boolean path and validator entry live. */
export function schemaValidateModule(event: EventSchema): string {
  return `${schemaFolder(event)}/validate.ts`;
}

/**
 * The validators: the envelope's facts as data (envelope.ts), per schema its boolean path
 * (events/<Stem>/validate.ts, next to the field list the catalog emits), and validate.ts, the
 * entry points: the runtime's createEventValidator over those tables.
 */
export function emitValidators(context: EmitContext): EmittedFile[] {
  const { model } = context;
  return [
    emitEnvelopeRules(model),
    ...model.events.map(emitSchemaValidator),
    emitEntryPoints(model),
  ];
}

function emitEnvelopeRules(model: Model): EmittedFile {
  const { envelope } = model;
  const rules = envelopeRulesOf(envelope);
  const booleanPath = emitEnvelopeBooleanPath(envelope, emitted(envelopeModule, 'referencePrefix'));
  const body = code`${docComment('How a localizable field refers to a key of localizedAttributes.')}
export const referencePrefix = ${rules.referencePrefix};

${booleanPath.code}

${docComment('The envelope’s rules, which the validators and builders read: its fields and their boolean path, the locale tag, the Unicast userId and the expiry window (minutes after start).')}
export const envelopeRules = {
  fields: ${rules.fields},
  is: ${booleanPath.entry},
  referencePrefix,
  localePattern: ${rules.localePattern},
  userPrefix: ${rules.userPrefix},
  expiryWindow: ${rules.expiryWindow},
} as const satisfies ${runtimeType('EnvelopeRules')};`;
  return emitModule(
    envelopeModule,
    envelopeDocs(model, 'The rules of the envelope every proactive event shares.'),
    body,
  );
}

function emitSchemaValidator(event: EventSchema): EmittedFile {
  const path = schemaValidateModule(event);
  const booleanPath = emitBooleanPath(event, emitted(envelopeModule, 'referencePrefix'));
  const schema = schemaInfo(event);
  const body = code`${booleanPath.code}

${docComment(`${event.name} as the event validator takes it: its field list (the full path) and its boolean path.`)}
export const ${new Code(`${lowerCamelStem(event)}Validator`)} = {
  schema: ${schema},
  is: ${booleanPath.entry},
} satisfies ${runtimeType('SchemaValidator')};`;
  return emitModule(
    path,
    schemaDocs(event, `The boolean path of the ${event.name} validator.`),
    body,
  );
}

function emitEntryPoints(model: Model): EmittedFile {
  const body = renderCode('validate', {
    runtimeSpecifier: code`${specifier('runtime')}`,
    createEventValidator: runtime('createEventValidator'),
    envelopeRules: emitted(envelopeModule, 'envelopeRules'),
    schemas: model.events.map(
      (event) => code`${emitted(schemaValidateModule(event), `${lowerCamelStem(event)}Validator`)}`,
    ),
    ValidationOptions: runtimeType('ValidationOptions'),
    ValidationResult: runtimeType('ValidationResult'),
    ProactiveEvent: unionType('ProactiveEvent'),
    EventName: unionType('EventName'),
    PayloadOf: unionType('PayloadOf'),
  });
  return emitModule(
    validateModule,
    {
      title: 'Validators for every proactive event schema.',
      description:
        'validateProactiveEvent lists every problem (errors and warnings) with a JSON pointer; isProactiveEvent and isPayload answer yes or no; assertProactiveEvent throws.',
      reference: model.envelope.reference,
      sources: allSources(model),
    },
    body,
    'values',
  );
}
