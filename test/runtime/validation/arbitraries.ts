import fc from 'fast-check';
import type { EventSchema, Field, Model } from '../../../generator/model/types.js';

/**
 * fast-check arbitraries built from the model: valid events of every schema (every rule held,
 * cross-field ones included), and structural mutations of them. Shared by the property tests
 * and the benchmark.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const localizedKeys = ['name', 'title', 'brand', 'place'];

/** A valid value of `field`; localizable strings sometimes refer to a localized key. */
export function fieldValue(field: Field, prefix: string): fc.Arbitrary<Json> {
  switch (field.kind) {
    case 'string': {
      let text: fc.Arbitrary<string> = field.pattern
        ? fc.stringMatching(new RegExp(field.pattern, 'u'))
        : fc.string({
            minLength: field.minLength ?? 0,
            maxLength: Math.min(field.maxLength ?? 20, 20),
          });
      text = text.filter(
        (value) =>
          !value.startsWith(prefix) &&
          [...value].length >= (field.minLength ?? 0) &&
          [...value].length <= (field.maxLength ?? Infinity),
      );
      return field.localizable
        ? fc.oneof(
            text,
            fc.constantFrom(...localizedKeys).map((key) => `${prefix}${key}`),
          )
        : text;
    }
    case 'integer':
      return fc.integer({ min: field.minimum ?? -1000, max: field.maximum ?? 100_000 });
    case 'boolean':
      return fc.boolean();
    case 'date-time':
      return dateTime();
    case 'enum':
      return fc.constantFrom(...field.values.map((entry) => entry.value));
    case 'object': {
      const shape = Object.fromEntries(
        field.properties.map((property) => [property.key, fieldValue(property, prefix)]),
      );
      return fc.record(shape, {
        requiredKeys: field.properties
          .filter((property) => property.required)
          .map((property) => property.key),
      }) as fc.Arbitrary<Json>;
    }
    case 'array': {
      const options = { minLength: field.minItems ?? 0, maxLength: field.maxItems ?? 5 };
      const items = fieldValue(field.items, prefix);
      return field.uniqueItems
        ? fc.uniqueArray(items, { ...options, selector: (item) => JSON.stringify(item) })
        : fc.array(items, options);
    }
  }
}

/** An ISO 8601 date-time string, in Z or with an offset, with or without fractions. */
export function dateTime(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.constantFrom('Z', '+02:00', '-05:30', '+00:00'),
      fc.boolean(),
    )
    .map(([instant, zone, fraction]) => isoString(instant, zone, fraction));
}

/** `instant` written in `zone` (Z or ±hh:mm). */
export function isoString(instant: number, zone = 'Z', fraction = false): string {
  const offset =
    zone === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, fraction ? 23 : 19);
  return `${local}${zone}`;
}

/** Every `localizedattribute:` key in a value. */
export function referencesIn(value: Json, prefix: string, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.startsWith(prefix)) found.add(value.slice(prefix.length));
  else if (Array.isArray(value)) for (const item of value) referencesIn(item, prefix, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) referencesIn(item, prefix, found);
  return found;
}

/** A valid event of `schema`: every structural and cross-field rule holds, no warnings. */
export function validEvent(model: Model, schema: EventSchema): fc.Arbitrary<Json> {
  const prefix = model.envelope.localizedAttributes.referencePrefix;
  const window = model.envelope.expiryWindow;
  const referenceId = model.envelope.fields.find((field) => field.key === 'referenceId')!;
  return fc
    .record({
      timestamp: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
      zone: fc.constantFrom('Z', '+01:00', '-08:00'),
      expiresAfter: fc.integer({
        min: window.minMinutes * 60_000,
        max: window.maxMinutes * 60_000,
      }),
      referenceId: fieldValue(referenceId, prefix),
      payload: fieldValue(schema.payload, prefix),
      locales: fc.uniqueArray(fc.constantFrom(...schema.locales), { minLength: 1, maxLength: 3 }),
      user: fc.option(fc.stringMatching(/^[A-Za-z0-9.-]{1,20}$/), { nil: undefined }),
    })
    .map(({ timestamp, zone, expiresAfter, referenceId, payload, locales, user }) => {
      const keys = [...referencesIn(payload, prefix)];
      return {
        timestamp: isoString(timestamp, zone),
        referenceId,
        expiryTime: isoString(timestamp + expiresAfter, 'Z'),
        event: { name: schema.name, payload },
        localizedAttributes:
          keys.length === 0
            ? []
            : locales.map((locale) => ({
                locale,
                ...Object.fromEntries(keys.map((key) => [key, `${key} (${locale})`])),
              })),
        relevantAudience:
          user === undefined
            ? { type: 'Multicast', payload: {} }
            : {
                type: 'Unicast',
                payload: { user: `${model.envelope.relevantAudience.unicast.userPrefix}${user}` },
              },
      } as Json;
    });
}

/** A valid event of any schema. */
export function anyValidEvent(model: Model): fc.Arbitrary<Json> {
  return fc.oneof(...model.events.map((schema) => validEvent(model, schema)));
}

/** Where a value sits in a JSON tree, as pointer segments. */
export function pointers(value: Json, path: string[] = []): string[][] {
  const here = [path];
  if (Array.isArray(value))
    return here.concat(...value.map((item, index) => pointers(item, [...path, String(index)])));
  if (value && typeof value === 'object') {
    return here.concat(
      ...Object.entries(value).map(([key, item]) => pointers(item, [...path, key])),
    );
  }
  return here;
}

/**
 * A structural mutation of a valid event (a value replaced by another JSON value, a property
 * removed or added) that keeps the cross-field rules out of play: timestamps stay paired and
 * localizedAttributes untouched, so only structure decides the verdict.
 */
export function structuralMutation(model: Model): fc.Arbitrary<Json> {
  return anyValidEvent(model).chain((event) => {
    const places = pointers(event).filter(
      (path) =>
        path.length > 0 &&
        path[0] !== 'localizedAttributes' &&
        path[0] !== 'timestamp' &&
        path[0] !== 'expiryTime',
    );
    return fc
      .tuple(
        fc.constantFrom(...places),
        fc.constantFrom('replace', 'remove', 'add', 'keep'),
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom('TORNADO', 'MATCH', 'Unicast', 'Multicast', 0, -1, 1.5, '', {}, []),
        ),
      )
      .map(([path, operation, replacement]) => mutate(event, path, operation, replacement as Json));
  });
}

function mutate(event: Json, path: string[], operation: string, replacement: Json): Json {
  const copy = structuredClone(event);
  if (operation === 'keep') return copy;
  let parent: Json = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string, Json>)[segment]!;
  const last = path[path.length - 1]!;
  const container = parent as Record<string, Json>;
  if (operation === 'replace') container[last] = replacement;
  else if (operation === 'remove') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else if (!Array.isArray(container)) container[`${last}X`] = replacement;
  else container.push(replacement);
  return copy;
}
