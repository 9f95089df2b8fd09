import type { SchemaInfo } from '../catalog.js';
import { asObject, errorText, hasExactly, missing, read } from './access.js';
import { closed, dateTime } from './checks.js';
import { Collector } from './collector.js';
import {
  checkAudience,
  checkValidAudience,
  checkExpiry,
  checkParsedExpiry,
  clockOf,
  isAudience,
  minuteMs,
  unknownEvent,
  type ExpiryWindow,
} from './envelope.js';
import { checkPayload, checkValue, compileFieldRules, type FieldRules } from './field-rules.js';
import {
  checkLocalizedAttributes,
  invalidAttributes,
  localizedAttributesState,
  quietAttributes,
} from './localized.js';
import {
  ProactiveEventValidationError,
  type ValidationOptions,
  type ValidationResult,
} from './issues.js';
import { childPointer } from './pointer.js';
import { parseDateTime } from './date-time.js';
import type { SchemaFieldInfo } from '../catalog.js';

/**
 * The validators, written once over emitted tables: the envelope's facts (generated/envelope.ts)
 * and, per schema, its field list (generated/events/<Stem>/schema.ts) with the emitted boolean
 * check of its payload (generated/events/<Stem>/validate.ts). The boolean path answers first;
 * the full path, which lists every issue, runs only when the boolean path cannot vouch that
 * there is none — so both always agree, and a valid event costs the boolean path alone.
 */

/** The envelope's facts, from definitions/envelope.yaml. */
export interface EnvelopeRules {
  /** The envelope's own fields (timestamp, referenceId, expiryTime), as a field list. */
  readonly fields: readonly SchemaFieldInfo[];
  /**
   * The envelope's emitted boolean path: its fields valid, event, localizedAttributes and
   * relevantAudience present, nothing else. Without it, every event takes the full path.
   */
  readonly is?: (value: unknown, references: string[]) => boolean;
  /** How a localizable field refers to a key of localizedAttributes. */
  readonly referencePrefix: string;
  /** The pattern (`u` flag) of a locale tag in localizedAttributes. */
  readonly localePattern: string;
  /** How the userId of a Unicast audience starts. */
  readonly userPrefix: string;
  /** The fields between which the window lies, and its bounds. */
  readonly expiryWindow: ExpiryWindow & { readonly start: string; readonly end: string };
}

/** One schema: its catalog entry and the emitted boolean check of its payload. */
export interface SchemaValidator {
  readonly schema: SchemaInfo;
  /** Whether a payload is valid; pushes the keys of its localized references onto `references`. */
  readonly is?: (payload: unknown, references: string[]) => boolean;
}

export interface EventValidatorTable {
  readonly envelope: EnvelopeRules;
  readonly schemas: readonly SchemaValidator[];
}

export interface ProactiveEventValidator {
  /** Every problem of `value` as a proactive event; never throws. `now` adds the clock's checks. */
  validateProactiveEvent(value: unknown, options?: ValidationOptions): ValidationResult;
  /** Whether `value` is a valid proactive event (errors only, no clock). */
  isProactiveEvent(value: unknown): boolean;
  /** Throws a ProactiveEventValidationError listing every error unless `value` is valid. */
  assertProactiveEvent(value: unknown, options?: ValidationOptions): void;
  /** Every problem of a bare payload of the schema `name` (pointers relative to the payload). */
  validatePayload(name: string, payload: unknown): ValidationResult;
  /** Whether `payload` is a valid payload of the schema `name`. */
  isPayload(name: string, payload: unknown): boolean;
}

interface PreparedSchema extends SchemaValidator {
  readonly locales: ReadonlySet<string>;
  /** The full path's rules, prepared on the first invalid payload of the schema. */
  rules?: FieldRules;
}

/** An event the boolean path vouched for: its parts are there and hold what they should. */
type ValidEvent = Record<string, unknown> & {
  readonly event: { readonly name: string; readonly payload: unknown };
  readonly relevantAudience: { readonly payload: { readonly user?: string } };
};

/** The envelope's parts besides its own fields. */
const envelopeKeys = ['event', 'localizedAttributes', 'relevantAudience'] as const;

export function createEventValidator(table: EventValidatorTable): ProactiveEventValidator {
  const { envelope } = table;
  const schemas = new Map<string, PreparedSchema>(
    table.schemas.map((entry) => [
      entry.schema.name,
      { ...entry, locales: new Set(entry.schema.locales) },
    ]),
  );
  const knownNames = [...schemas.keys()];
  const envelopeRules = compileFieldRules(envelope.fields);
  const topKeys = new Set([...envelopeRules.root.keys, ...envelopeKeys]);
  const localePattern = new RegExp(envelope.localePattern, 'u');
  const window = envelope.expiryWindow;
  const minMs = window.minMinutes * minuteMs;
  const toleranceMs = window.futureTimestampToleranceMinutes * minuteMs;
  const fields = envelopeRules.root.properties;
  const rulesOf = (schema: PreparedSchema) =>
    (schema.rules ??= compileFieldRules(schema.schema.fields));

  /**
   * The boolean path over the whole event, part by part. A valid event is `quietAttributes`, or
   * `noisyAttributes` when the full path would warn about its localized attributes; an invalid
   * one is the first part that broke (`brokenEnvelope`, `brokenEvent`, `brokenAttributes`,
   * `brokenAudience`): the parts before it are valid. The payload's references go to
   * `references`. It allocates nothing for a valid event but what the payload's checks do.
   */
  function scan(value: unknown, references: string[]): number {
    const isEnvelope = envelope.is;
    if (isEnvelope === undefined || !isEnvelope(value, references)) return brokenEnvelope;
    const record = value as Record<string, unknown>;
    const schema = payloadSchema(record.event, references);
    if (schema === undefined) return brokenEvent;
    const attributes = localizedAttributesState(
      record.localizedAttributes,
      references,
      localePattern,
      schema.locales,
    );
    if (attributes === invalidAttributes) return brokenAttributes;
    return isAudience(record.relevantAudience) ? attributes : brokenAudience;
  }

  /** The schema of a valid event body (name and payload, nothing else), or undefined. */
  function payloadSchema(event: unknown, references: string[]): PreparedSchema | undefined {
    if (!hasExactly(event, 'name', 'payload')) return undefined;
    const name = event.name;
    const schema = typeof name === 'string' ? schemas.get(name) : undefined;
    if (schema?.is === undefined || !schema.is(event.payload, references)) return undefined;
    return schema;
  }

  /** Whether a valid event without noisy attributes has nothing to warn about, nor (with `now`) a clock problem. */
  function isQuiet(event: ValidEvent, now: number | undefined): boolean {
    if (now !== undefined) {
      const startMs = parseDateTime(event[window.start] as string);
      const endMs = parseDateTime(event[window.end] as string);
      if (endMs < now + minMs || startMs - now > toleranceMs) return false;
    }
    const user = event.relevantAudience.payload.user;
    return typeof user !== 'string' || user.startsWith(envelope.userPrefix);
  }

  /**
   * The issues of a valid event, by the full path's own checks in its order: the clock's, the
   * localized attributes' warnings, the audience's. Nothing else can report on a valid event.
   */
  function checkValidEvent(
    c: Collector,
    event: ValidEvent,
    references: readonly string[],
    now: number | undefined,
  ): void {
    if (now !== undefined) {
      checkExpiry(c, event[window.start] as string, event[window.end] as string, now, window);
    }
    for (const key of references) c.references.push({ key, path: '' });
    checkLocalizedAttributes(c, event.localizedAttributes, '/localizedAttributes', {
      localePattern,
      schema: schemas.get(event.event.name)!.schema,
    });
    checkValidAudience(c, event.relevantAudience, '/relevantAudience', envelope.userPrefix);
  }

  /**
   * The full path: every issue, in the order of the envelope's fields, then event, attributes,
   * audience. The parts before `broken` (the part the boolean path broke at) are valid: of the
   * envelope only the clock is left to check then, of the event body its references, of the
   * attributes and the audience their warnings. An audience isAudience vouches for is valid too.
   */
  function checkEvent(
    c: Collector,
    value: unknown,
    now: number | undefined,
    broken: number,
    references: readonly string[],
  ): void {
    const object = asObject(c, value, '');
    if (object === undefined) return;
    if (broken > brokenEnvelope) {
      if (now !== undefined) {
        checkExpiry(c, object[window.start] as string, object[window.end] as string, now, window);
      }
    } else checkEnvelopeFields(c, object, now);
    let schema: PreparedSchema | undefined;
    if (broken > brokenAttributes) {
      // Valid attributes only warn, and their warnings need no reference's path.
      const event = object.event as ValidEvent['event'];
      schema = schemas.get(event.name);
      for (const key of references) c.references.push({ key, path: '' });
    } else schema = checkEventBody(c, read(c, object, 'event', ''));
    const localized = read(c, object, 'localizedAttributes', '');
    if (localized === undefined) {
      missing(
        c,
        localized,
        '',
        'localizedAttributes',
        'an array (empty when nothing is localized)',
      );
    } else if (!attributesQuiet(localized, c, schema)) {
      checkLocalizedAttributes(c, localized, '/localizedAttributes', {
        localePattern,
        schema: schema?.schema,
      });
    }
    const audience = read(c, object, 'relevantAudience', '');
    if (audience === undefined) {
      missing(c, audience, '', 'relevantAudience', 'an object (type and payload)');
    } else if (broken > brokenAudience || isAudience(audience)) {
      checkValidAudience(c, audience, '/relevantAudience', envelope.userPrefix);
    } else checkAudience(c, audience, '/relevantAudience', envelope.userPrefix);
  }

  /**
   * Whether the boolean path finds nothing to report in the attributes, against the references
   * the full path collected: the full check would then list no error and no warning.
   */
  function attributesQuiet(
    localized: unknown,
    c: Collector,
    schema: PreparedSchema | undefined,
  ): boolean {
    try {
      const keys = c.references.map((reference) => reference.key);
      return (
        localizedAttributesState(localized, keys, localePattern, schema?.locales) ===
        quietAttributes
      );
    } catch {
      return false; // the full check reports what could not be read
    }
  }

  /** The envelope's keys and own fields, and the expiry window between two of them. */
  function checkEnvelopeFields(
    c: Collector,
    object: Record<string, unknown>,
    now: number | undefined,
  ) {
    closed(c, object, '', topKeys);
    let start: string | undefined;
    let end: string | undefined;
    let startMs = NaN;
    let endMs = NaN;
    for (const rule of fields) {
      const field = read(c, object, rule.key, '');
      if (field === undefined) {
        if (rule.info.required) missing(c, field, '', rule.key, rule.expected);
        continue;
      }
      const path = childPointer('', rule.key);
      if (rule.key === window.start) {
        startMs = dateTime(c, field, path);
        start = field as string;
      } else if (rule.key === window.end) {
        endMs = dateTime(c, field, path);
        end = field as string;
      } else checkValue(c, rule, field, path);
    }
    // NaN (a missing or broken end) skips the window: the field's own issue says enough.
    if (start !== undefined && end !== undefined) {
      checkParsedExpiry(c, start, startMs, end, endMs, now, window);
    }
  }

  /** event: its name picks the schema whose rules check the payload. */
  function checkEventBody(c: Collector, value: unknown): PreparedSchema | undefined {
    if (value === undefined) {
      missing(c, value, '', 'event', 'an object (name and payload)');
      return undefined;
    }
    const event = asObject(c, value, '/event');
    if (event === undefined) return undefined;
    closed(c, event, '/event', eventKeys);
    const name = read(c, event, 'name', '/event');
    const expected = `an event name such as ${knownNames[0]}`;
    let schema: PreparedSchema | undefined;
    if (name === undefined) missing(c, name, '/event', 'name', expected);
    else if (typeof name !== 'string') c.typeError('/event/name', expected, name);
    else {
      schema = schemas.get(name);
      if (schema === undefined) unknownEvent(c, name, '/event/name', knownNames);
    }
    const payload = read(c, event, 'payload', '/event');
    if (payload === undefined) missing(c, payload, '/event', 'payload', 'an object');
    else if (schema !== undefined) checkPayload(c, rulesOf(schema), payload, '/event/payload');
    else asObject(c, payload, '/event/payload');
    return schema;
  }

  /** Runs a full check, turning whatever a hostile value throws into one issue. */
  function collect(check: (c: Collector) => void): ValidationResult {
    const c = new Collector(envelope.referencePrefix);
    try {
      check(c);
    } catch (error) {
      c.error(
        '',
        'type',
        `The value could not be read to the end (${errorText(error)}); pass plain JSON data.`,
      );
    }
    return c.result();
  }

  function validateProactiveEvent(value: unknown, options?: ValidationOptions): ValidationResult {
    const now = clockOf(options?.now);
    const references: string[] = [];
    let state: number;
    try {
      state = scan(value, references);
      if (state === quietAttributes && isQuiet(value as ValidEvent, now)) {
        return { valid: true, errors: [], warnings: [] };
      }
    } catch {
      state = brokenEnvelope; // the full path reports what could not be read
    }
    return state > 0
      ? collect((c) => checkValidEvent(c, value as ValidEvent, references, now))
      : collect((c) => checkEvent(c, value, now, state, references));
  }

  function isProactiveEvent(value: unknown): boolean {
    try {
      return scan(value, []) > 0;
    } catch {
      return false;
    }
  }

  return {
    validateProactiveEvent,
    isProactiveEvent,
    assertProactiveEvent(value, options) {
      const result = validateProactiveEvent(value, options);
      if (!result.valid) throw new ProactiveEventValidationError(result);
    },
    validatePayload(name, payload) {
      const schema = schemas.get(name);
      try {
        if (schema?.is?.(payload, []) === true) return { valid: true, errors: [], warnings: [] };
      } catch {
        // The full path reports what could not be read.
      }
      return collect((c) => {
        if (schema === undefined) unknownEvent(c, String(name), '', knownNames);
        else checkPayload(c, rulesOf(schema), payload, '');
      });
    },
    isPayload(name, payload) {
      const schema = schemas.get(name);
      try {
        return schema?.is !== undefined && schema.is(payload, []);
      } catch {
        return false;
      }
    },
  };
}

const eventKeys: ReadonlySet<string> = new Set(['name', 'payload']);

/** What scan says of an invalid event: the first part that broke (a valid event is > 0). */
const brokenEnvelope = -3;
const brokenEvent = -2;
const brokenAttributes = -1;
const brokenAudience = 0;
