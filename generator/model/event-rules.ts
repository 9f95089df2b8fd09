import { escapeSegment } from '../definitions/pointer.js';
import { expectedOf } from '../emitters/validators/full.js';
import { asArray, asObject, missing, read, readItem } from '../../runtime/validation/access.js';
import {
  arrayBounds,
  boolean,
  closed,
  dateTime,
  enumValue,
  integer,
  length,
  localizableString,
  pattern,
  plainString,
  unique,
} from '../../runtime/validation/checks.js';
import { Collector, type PayloadValidator } from '../../runtime/validation/collector.js';
import { checkAudience, checkExpiry, unknownEvent } from '../../runtime/validation/envelope.js';
import { checkLocalizedAttributes } from '../../runtime/validation/localized.js';
import type { ValidationResult } from '../../runtime/validation/issues.js';
import { walkFields } from './build-fields.js';
import {
  primitiveItems,
  type Envelope,
  type EventSchema,
  type Field,
  type ObjectField,
} from './types.js';

/**
 * The rules of the emitted `validateProactiveEvent`, read from the model instead of emitted:
 * the same runtime checks (runtime/validation), called in the same order with the same facts,
 * without the clock. The generator checks every example with it, so an example the emitted
 * validator would refuse never generates; a differential test holds the two together.
 */
export function validateWithModel(
  value: unknown,
  envelope: Envelope,
  events: readonly EventSchema[],
): ValidationResult {
  const c = new Collector(envelope.localizedAttributes.referencePrefix);
  const validators = new Map<string, PayloadValidator>(
    events.map((event) => [event.name, payloadValidator(event)]),
  );
  checkEvent(c, value, envelope, validators);
  return c.result();
}

function payloadValidator(event: EventSchema): PayloadValidator {
  const misplaced = new Map(misplacedEntries(event));
  return {
    name: event.name,
    locales: event.locales,
    check: (c, value, root) => checkField(c, event.payload, value, root, { misplaced, root }),
    is: () => false, // the boolean path is the emitted module's alone
  };
}

/** Where each field name that occurs once in the payload belongs, for "belongs at" hints. */
export function misplacedEntries(event: EventSchema): [string, string][] {
  const fields = [...walkFields(event.payload)].filter(
    (field) => field.path.length > 0 && !field.path.includes('*'),
  );
  const counts = new Map<string, number>();
  for (const field of fields) counts.set(field.key, (counts.get(field.key) ?? 0) + 1);
  return fields
    .filter((field) => counts.get(field.key) === 1)
    .map((field) => [field.key, `/${field.path.map(escapeSegment).join('/')}`]);
}

interface Hints {
  readonly misplaced?: ReadonlyMap<string, string>;
  readonly root: string;
}

function checkField(c: Collector, field: Field, value: unknown, path: string, hints: Hints): void {
  switch (field.kind) {
    case 'string': {
      const ok = field.localizable
        ? localizableString(c, value, path)
        : plainString(c, value, path);
      if (!ok) return;
      const text = value as string;
      if (field.minLength !== undefined || field.maxLength !== undefined) {
        length(c, text, path, field.minLength, field.maxLength);
      }
      if (field.pattern !== undefined) pattern(c, text, path, new RegExp(field.pattern, 'u'));
      return;
    }
    case 'integer':
      integer(c, value, path, field.minimum, field.maximum);
      return;
    case 'boolean':
      boolean(c, value, path);
      return;
    case 'date-time':
      dateTime(c, value, path);
      return;
    case 'enum':
      enumValue(c, value, path, new Set(field.values.map((entry) => entry.value)));
      return;
    case 'object':
      checkObject(c, field, value, path, hints);
      return;
    case 'array': {
      const items = asArray(c, value, path);
      if (items === undefined) return;
      const count = arrayBounds(c, items, path, field.minItems, field.maxItems);
      for (let index = 0; index < count; index++) {
        const item = readItem(c, items, index, path);
        checkField(c, field.items, item, `${path}/${index}`, hints);
      }
      if (field.uniqueItems) unique(c, items, count, path, primitiveItems(field));
    }
  }
}

function checkObject(
  c: Collector,
  field: ObjectField,
  value: unknown,
  path: string,
  hints: Hints,
): void {
  const object = asObject(c, value, path);
  if (object === undefined) return;
  const keys = new Set(field.properties.map((property) => property.key));
  closed(c, object, path, keys, hints.misplaced, hints.root);
  for (const property of field.properties) {
    const child = read(c, object, property.key, path);
    if (child === undefined) {
      if (property.required) missing(c, child, path, property.key, expectedOf(property));
    } else {
      checkField(c, property, child, `${path}/${escapeSegment(property.key)}`, hints);
    }
  }
}

function checkEvent(
  c: Collector,
  value: unknown,
  envelope: Envelope,
  validators: ReadonlyMap<string, PayloadValidator>,
): void {
  const object = asObject(c, value, '');
  if (object === undefined) return;
  const topKeys = new Set([
    ...envelope.fields.map((field) => field.key),
    'event',
    'localizedAttributes',
    'relevantAudience',
  ]);
  closed(c, object, '', topKeys);
  const texts = new Map<string, string>();
  for (const field of envelope.fields) {
    const child = read(c, object, field.key, '');
    if (child === undefined) {
      if (field.required) missing(c, child, '', field.key, expectedOf(field));
      continue;
    }
    if (field.kind === 'date-time' && (field.key === 'timestamp' || field.key === 'expiryTime')) {
      if (!Number.isNaN(dateTime(c, child, `/${field.key}`))) texts.set(field.key, child as string);
    } else {
      checkField(c, field, child, `/${escapeSegment(field.key)}`, { root: '' });
    }
  }
  const timestamp = texts.get('timestamp');
  const expiryTime = texts.get('expiryTime');
  if (timestamp !== undefined && expiryTime !== undefined) {
    checkExpiry(c, timestamp, expiryTime, undefined, envelope.expiryWindow);
  }
  const validator = checkEventBody(c, read(c, object, 'event', ''), validators);
  const localized = read(c, object, 'localizedAttributes', '');
  if (localized === undefined) {
    missing(c, localized, '', 'localizedAttributes', 'an array (empty when nothing is localized)');
  } else {
    checkLocalizedAttributes(c, localized, '/localizedAttributes', {
      localePattern: new RegExp(envelope.localizedAttributes.localePattern, 'u'),
      schema: validator,
    });
  }
  const audience = read(c, object, 'relevantAudience', '');
  if (audience === undefined) {
    missing(c, audience, '', 'relevantAudience', 'an object (type and payload)');
  } else {
    checkAudience(c, audience, '/relevantAudience', envelope.relevantAudience.unicast.userPrefix);
  }
}

function checkEventBody(
  c: Collector,
  value: unknown,
  validators: ReadonlyMap<string, PayloadValidator>,
): PayloadValidator | undefined {
  if (value === undefined) {
    missing(c, value, '', 'event', 'an object (name and payload)');
    return undefined;
  }
  const event = asObject(c, value, '/event');
  if (event === undefined) return undefined;
  closed(c, event, '/event', new Set(['name', 'payload']));
  const name = read(c, event, 'name', '/event');
  const known = [...validators.keys()];
  let validator: PayloadValidator | undefined;
  const expected = `an event name such as ${known[0]}`;
  if (name === undefined) missing(c, name, '/event', 'name', expected);
  else if (typeof name !== 'string') c.typeError('/event/name', expected, name);
  else {
    validator = validators.get(name);
    if (validator === undefined) unknownEvent(c, name, '/event/name', known);
  }
  const payload = read(c, event, 'payload', '/event');
  if (payload === undefined) missing(c, payload, '/event', 'payload', 'an object');
  else if (validator !== undefined) validator.check(c, payload, '/event/payload');
  else asObject(c, payload, '/event/payload');
  return validator;
}
