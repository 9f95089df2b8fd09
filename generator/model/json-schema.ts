import type { Envelope, EventSchema, Field, Model } from './types.js';

/**
 * JSON Schema (draft 2020-12) for events: one self-contained document per schema, and the union,
 * which refers to them by their `$id` (so a change to one schema changes only its document). They
 * check structure only; the cross-field rules (expiry window, localized attributes) are the
 * generated validators' job.
 */

export type JsonSchema = { [keyword: string]: unknown };

export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * ISO 8601 date-time with a zone (Z or ±hh:mm), fractional seconds allowed. ajv-formats'
 * `date-time` checks the calendar; the pattern keeps the zone rule for users without formats.
 */
export const dateTimePattern =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';

export function schemaId(name: string): string {
  return `urn:alexa-proactive-events:schema:${name}`;
}

export const unionSchemaName = 'ProactiveEvent';

function clean(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

export function fieldSchema(field: Field, envelope: Envelope): JsonSchema {
  const description = field.description;
  switch (field.kind) {
    case 'string':
      return clean({
        type: 'string',
        description,
        minLength: field.minLength,
        maxLength: field.maxLength,
        pattern: field.pattern,
        // A reference in a field that cannot be localized is refused by Amazon.
        not: field.localizable
          ? undefined
          : { pattern: `^${escapeRegExp(envelope.localizedAttributes.referencePrefix)}` },
      });
    case 'integer':
      return clean({
        type: 'integer',
        description,
        minimum: field.minimum,
        maximum: field.maximum,
      });
    case 'boolean':
      return { type: 'boolean', description };
    case 'date-time':
      return { type: 'string', description, format: 'date-time', pattern: dateTimePattern };
    case 'enum':
      return { title: field.typeName, description, enum: field.values.map((value) => value.value) };
    case 'object':
      return objectSchema(field.typeName, description, field.properties, envelope);
    case 'array':
      return clean({
        type: 'array',
        description,
        items: fieldSchema(field.items, envelope),
        minItems: field.minItems,
        maxItems: field.maxItems,
        uniqueItems: field.uniqueItems || undefined,
      });
  }
}

function objectSchema(
  title: string | undefined,
  description: string,
  properties: readonly Field[],
  envelope: Envelope,
): JsonSchema {
  const required = properties
    .filter((property) => property.required)
    .map((property) => property.key);
  return clean({
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: required.length > 0 ? required : undefined,
    properties: Object.fromEntries(
      properties.map((property) => [property.key, fieldSchema(property, envelope)]),
    ),
  });
}

/** The envelope's shared definitions, referenced as #/$defs/<name> from every event schema. */
export function envelopeDefinitions(envelope: Envelope): Record<string, JsonSchema> {
  const { localizedAttributes, relevantAudience } = envelope;
  return {
    LocalizedAttributeSet: {
      title: 'LocalizedAttributeSet',
      description: `${localizedAttributes.description} One entry per locale.`,
      type: 'object',
      required: ['locale'],
      properties: {
        locale: {
          type: 'string',
          description: localizedAttributes.localeDescription,
          pattern: localizedAttributes.localePattern,
        },
      },
      additionalProperties: { type: 'string' },
    },
    RelevantAudience: {
      title: 'RelevantAudience',
      description: relevantAudience.description,
      oneOf: [{ $ref: '#/$defs/UnicastAudience' }, { $ref: '#/$defs/MulticastAudience' }],
    },
    UnicastAudience: {
      title: 'UnicastAudience',
      description: relevantAudience.unicast.description,
      type: 'object',
      additionalProperties: false,
      required: ['type', 'payload'],
      properties: {
        type: { const: 'Unicast' },
        payload: {
          type: 'object',
          additionalProperties: false,
          required: ['user'],
          properties: {
            user: {
              type: 'string',
              minLength: 1,
              description: relevantAudience.unicast.userDescription,
            },
          },
        },
      },
    },
    MulticastAudience: {
      title: 'MulticastAudience',
      description: relevantAudience.multicast.description,
      type: 'object',
      additionalProperties: false,
      required: ['type', 'payload'],
      properties: {
        type: { const: 'Multicast' },
        payload: { type: 'object', additionalProperties: false, maxProperties: 0 },
      },
    },
  };
}

/** The schema of one event, envelope included, without $schema/$id/$defs (see eventDocument). */
export function eventSchema(event: EventSchema, envelope: Envelope): JsonSchema {
  const plainFields = Object.fromEntries(
    envelope.fields.map((field) => [field.key, fieldSchema(field, envelope)]),
  );
  return {
    title: `${event.typeStem}Event`,
    description: `${event.name}: ${event.description}`,
    type: 'object',
    additionalProperties: false,
    required: [
      ...envelope.fields.map((field) => field.key),
      'event',
      'localizedAttributes',
      'relevantAudience',
    ],
    properties: {
      ...plainFields,
      event: {
        description: envelope.event.description,
        type: 'object',
        additionalProperties: false,
        required: ['name', 'payload'],
        properties: {
          name: { const: event.name, description: envelope.event.name },
          payload: fieldSchema(event.payload, envelope),
        },
      },
      localizedAttributes: {
        type: 'array',
        description: envelope.localizedAttributes.description,
        items: { $ref: '#/$defs/LocalizedAttributeSet' },
      },
      relevantAudience: { $ref: '#/$defs/RelevantAudience' },
    },
  };
}

/** The self-contained document of one event: generated/schemas/<name>.schema.json. */
export function eventDocument(event: EventSchema, envelope: Envelope): JsonSchema {
  return {
    $schema: jsonSchemaDialect,
    $id: schemaId(event.name),
    ...eventSchema(event, envelope),
    $defs: envelopeDefinitions(envelope),
  };
}

/**
 * The union of every event: generated/schemas/proactive-event.schema.json. It refers to each
 * schema's own document by its `$id`; a validator loads those first (ajv: `addSchema`).
 */
export function unionDocument(model: Model): JsonSchema {
  return {
    $schema: jsonSchemaDialect,
    $id: schemaId(unionSchemaName),
    title: unionSchemaName,
    description: `${model.envelope.description} One of the ${model.events.length} schemas Amazon accepts, told apart by event.name.`,
    oneOf: model.events.map((event) => ({ $ref: schemaId(event.name) })),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
