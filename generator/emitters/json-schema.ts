import type { Envelope, EventSchema, Field, Model } from '../model/types.js';

/**
 * JSON Schema (draft 2020-12) for events: one self-contained document per schema and one for
 * the union. They check structure only; the cross-field rules (expiry window, localized
 * attributes) are the generated validators' job.
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

/** Options for the types emitter, which feeds these schemas to json-schema-to-typescript. */
export interface SchemaOptions {
  /** Adds json-schema-to-typescript's `tsType` hints (not valid for ajv's strict mode). */
  readonly typeHints?: boolean;
}

function clean(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

export function fieldSchema(
  field: Field,
  envelope: Envelope,
  options: SchemaOptions = {},
): JsonSchema {
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
        not:
          field.localizable || options.typeHints
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
      return objectSchema(field.typeName, description, field.properties, envelope, options);
    case 'array':
      return clean({
        type: 'array',
        description,
        items: fieldSchema(field.items, envelope, options),
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
  options: SchemaOptions,
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
      properties.map((property) => [property.key, fieldSchema(property, envelope, options)]),
    ),
  });
}

/** The envelope's shared definitions, referenced as #/$defs/<name> from every event schema. */
export function envelopeDefinitions(
  envelope: Envelope,
  options: SchemaOptions = {},
): Record<string, JsonSchema> {
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
        payload: clean({
          type: 'object',
          additionalProperties: false,
          maxProperties: 0,
          tsType: options.typeHints ? 'Record<string, never>' : undefined,
        }),
      },
    },
  };
}

/** The schema of one event, envelope included, without $schema/$id/$defs (see eventDocument). */
export function eventSchema(
  event: EventSchema,
  envelope: Envelope,
  options: SchemaOptions = {},
): JsonSchema {
  const plainFields = Object.fromEntries(
    envelope.fields.map((field) => [field.key, fieldSchema(field, envelope, options)]),
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
          payload: fieldSchema(event.payload, envelope, options),
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

/** The union of every event: generated/schemas/proactive-event.schema.json. */
export function unionDocument(model: Model, options: SchemaOptions = {}): JsonSchema {
  const eventDefinitions = Object.fromEntries(
    model.events.map((event) => [
      `${event.typeStem}Event`,
      eventSchema(event, model.envelope, options),
    ]),
  );
  return {
    ...(options.typeHints ? {} : { $schema: jsonSchemaDialect, $id: schemaId(unionSchemaName) }),
    title: unionSchemaName,
    description: `${model.envelope.description} One of the ${model.events.length} schemas Amazon accepts, told apart by event.name.`,
    oneOf: model.events.map((event) => ({ $ref: `#/$defs/${event.typeStem}Event` })),
    $defs: { ...envelopeDefinitions(model.envelope, options), ...eventDefinitions },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
