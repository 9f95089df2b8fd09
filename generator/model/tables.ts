import type { SchemaFieldInfo, SchemaInfo } from '../../runtime/catalog.js';
import type { EnvelopeRules } from '../../runtime/validation/event-validator.js';
import { walkFields } from './build-fields.js';
import type { Envelope, EventSchema, Field } from './types.js';

/**
 * The model as the runtime's tables: what the emitters write into generated/ as data, and what
 * the generator itself validates the examples with (the same runtime code over the same facts).
 */

/** One field as the field list describes it: its path, kind, rules and words. */
export function fieldInfoOf(field: Field): SchemaFieldInfo {
  const path = field.path.join('.').replace(/\.\*/g, '[]');
  const info: { -readonly [K in keyof SchemaFieldInfo]: SchemaFieldInfo[K] } = {
    path,
    type: field.kind,
    required: field.required,
    localizable: field.localizable,
    description: field.description,
  };
  switch (field.kind) {
    case 'string':
      copy(info, field, ['minLength', 'maxLength', 'pattern']);
      break;
    case 'integer':
      copy(info, field, ['minimum', 'maximum']);
      break;
    case 'enum':
      info.values = field.values.map((entry) => entry.value);
      info.typeName = field.typeName;
      break;
    case 'object':
      info.typeName = field.typeName;
      break;
    case 'array':
      copy(info, field, ['minItems', 'maxItems']);
      if (field.uniqueItems) info.uniqueItems = true;
      break;
  }
  return info;
}

function copy<F extends object>(
  info: Record<string, unknown>,
  field: F,
  keys: readonly (keyof F & string)[],
): void {
  for (const key of keys) if (field[key] !== undefined) info[key] = field[key];
}

/** A schema's catalog entry: names, words, locales and its one field list (pre-order). */
export function schemaInfoOf(event: EventSchema): SchemaInfo {
  return {
    name: event.name,
    shortName: event.shortName,
    description: event.description,
    reference: event.reference,
    locales: event.locales,
    fields: [...walkFields(event.payload)]
      .filter((field) => field.path.length > 0)
      .map(fieldInfoOf),
  };
}

/** The envelope's facts the runtime's validator reads. */
export function envelopeRulesOf(envelope: Envelope): EnvelopeRules {
  const { start, end, minMinutes, maxMinutes, futureTimestampToleranceMinutes } =
    envelope.expiryWindow;
  return {
    fields: envelope.fields.map(fieldInfoOf),
    referencePrefix: envelope.localizedAttributes.referencePrefix,
    localePattern: envelope.localizedAttributes.localePattern,
    userPrefix: envelope.relevantAudience.unicast.userPrefix,
    expiryWindow: { start, end, minMinutes, maxMinutes, futureTimestampToleranceMinutes },
  };
}
