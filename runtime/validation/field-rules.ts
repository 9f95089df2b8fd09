import type { SchemaFieldInfo } from '../catalog.js';
import { asArray, asObject, missing, read, readItem, readKnown } from './access.js';
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
} from './checks.js';
import type { Collector } from './collector.js';
import { escapeSegment } from './pointer.js';

/**
 * The full path of validation, written once: every issue of a value against a schema's field
 * list (the emitted catalog entry, generated/events/<Stem>/schema.ts), by the checks of
 * checks.ts, in the order the fields are listed.
 */

/** One field of the list with what checking it needs, prepared once per schema. */
export interface FieldRule {
  readonly info: SchemaFieldInfo;
  /** The property name (for array items: the array's). */
  readonly key: string;
  /** The property name as a JSON pointer segment. */
  readonly segment: string;
  /** An object's properties, in order. */
  readonly properties: readonly FieldRule[];
  readonly keys: ReadonlySet<string>;
  /** An array's items. */
  items?: FieldRule;
  readonly values?: ReadonlySet<string>;
  readonly pattern?: RegExp;
  /** What a missing value should be, in words. */
  readonly expected: string;
}

/** A payload (or the envelope's fields) as rules: the root object and the "belongs at" hints. */
export interface FieldRules {
  readonly root: FieldRule;
  /** Where each field name that occurs once (outside arrays) belongs, as a pointer. */
  readonly misplaced: ReadonlyMap<string, string>;
}

/** Prepares a field list (pre-order, dotted paths, `[]` for array items) for checking. */
export function compileFieldRules(fields: readonly SchemaFieldInfo[]): FieldRules {
  const rootInfo: SchemaFieldInfo = {
    path: '',
    type: 'object',
    required: true,
    localizable: false,
    description: '',
  };
  const byPath = new Map<string, FieldRule>();
  const children = new Map<string, FieldRule[]>([['', []]]);
  for (const info of fields) {
    const isItems = info.path.endsWith('[]');
    const parentPath = isItems
      ? info.path.slice(0, -2)
      : info.path.slice(0, Math.max(0, info.path.lastIndexOf('.')));
    const key = (isItems ? parentPath : info.path).split('.').at(-1)!.replace(/\[\]$/, '');
    const own: FieldRule[] = [];
    children.set(info.path, own);
    const rule: FieldRule = {
      info,
      key,
      segment: escapeSegment(key),
      properties: own,
      keys: new Set<string>(),
      ...(info.values ? { values: new Set(info.values) } : {}),
      ...(info.pattern !== undefined ? { pattern: new RegExp(info.pattern, 'u') } : {}),
      expected: '',
    };
    byPath.set(info.path, rule);
    if (isItems) byPath.get(parentPath)!.items = rule;
    else children.get(parentPath)!.push(rule);
  }
  const root: FieldRule = {
    info: rootInfo,
    key: '',
    segment: '',
    properties: children.get('')!,
    keys: new Set(),
    expected: '',
  };
  for (const rule of [root, ...byPath.values()]) finish(rule);
  return { root, misplaced: misplacedOf(fields) };
}

/** Fills in what depends on the children: known keys and the expected text. */
function finish(rule: FieldRule): void {
  const mutable = rule as { -readonly [K in keyof FieldRule]: FieldRule[K] };
  mutable.keys = new Set(rule.properties.map((property) => property.key));
  mutable.expected = expectedOf(rule);
}

/** What a missing field should be, in words, for the `required` message. */
function expectedOf(rule: FieldRule): string {
  const { info } = rule;
  switch (info.type) {
    case 'string':
      return info.localizable ? 'a string (or a localizedattribute: reference)' : 'a string';
    case 'integer':
      return info.minimum === undefined ? 'an integer' : `an integer ≥ ${info.minimum}`;
    case 'boolean':
      return 'true or false';
    case 'date-time':
      return 'a date-time such as 2019-02-13T14:00:00Z';
    case 'enum': {
      const values = info.values ?? [];
      return values.length === 1
        ? values[0]!
        : `one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    }
    case 'object':
      return `an object (${rule.properties.map((property) => property.key).join(', ')})`;
    case 'array':
      return 'an array';
  }
}

/** "relationshipToInvitee belongs at /invite/relationshipToInvitee", for names used once. */
function misplacedOf(fields: readonly SchemaFieldInfo[]): Map<string, string> {
  const placed = fields.filter((field) => !field.path.includes('[]'));
  const counts = new Map<string, number>();
  const keyOf = (field: SchemaFieldInfo) => field.path.split('.').at(-1)!;
  for (const field of placed) counts.set(keyOf(field), (counts.get(keyOf(field)) ?? 0) + 1);
  return new Map(
    placed
      .filter((field) => counts.get(keyOf(field)) === 1)
      .map((field) => [keyOf(field), `/${field.path.split('.').map(escapeSegment).join('/')}`]),
  );
}

/** Every issue of `value` as the payload described by `rules`, with pointers below `root`. */
export function checkPayload(c: Collector, rules: FieldRules, value: unknown, root: string): void {
  checkObject(c, rules.root, value, root, rules.misplaced, root);
}

/** Every issue of `value` (present) against `rule`. */
export function checkValue(
  c: Collector,
  rule: FieldRule,
  value: unknown,
  path: string,
  misplaced?: ReadonlyMap<string, string>,
  root = '',
): void {
  const { info } = rule;
  switch (info.type) {
    case 'string': {
      const ok = info.localizable ? localizableString(c, value, path) : plainString(c, value, path);
      if (!ok) return;
      if (info.minLength !== undefined || info.maxLength !== undefined) {
        length(c, value as string, path, info.minLength, info.maxLength);
      }
      if (rule.pattern) pattern(c, value as string, path, rule.pattern);
      return;
    }
    case 'integer':
      integer(c, value, path, info.minimum, info.maximum);
      return;
    case 'boolean':
      boolean(c, value, path);
      return;
    case 'date-time':
      dateTime(c, value, path);
      return;
    case 'enum':
      enumValue(c, value, path, rule.values!);
      return;
    case 'object':
      checkObject(c, rule, value, path, misplaced, root);
      return;
    case 'array': {
      const items = asArray(c, value, path);
      if (items === undefined) return;
      const count = arrayBounds(c, items, path, info.minItems, info.maxItems);
      const item = rule.items!;
      for (let index = 0; index < count; index++) {
        checkValue(c, item, readItem(c, items, index, path), `${path}/${index}`, misplaced, root);
      }
      if (info.uniqueItems) {
        unique(c, items, count, path, item.info.type !== 'object' && item.info.type !== 'array');
      }
    }
  }
}

function checkObject(
  c: Collector,
  rule: FieldRule,
  value: unknown,
  path: string,
  misplaced: ReadonlyMap<string, string> | undefined,
  root: string,
): void {
  const object = asObject(c, value, path);
  if (object === undefined) return;
  const keys = closed(c, object, path, rule.keys, misplaced?.size ? misplaced : undefined, root);
  for (const property of rule.properties) {
    const child =
      keys === undefined
        ? read(c, object, property.key, path)
        : readKnown(c, object, keys, property.key, path);
    if (child === undefined) {
      if (property.info.required) missing(c, child, path, property.key, property.expected);
    } else {
      checkValue(c, property, child, `${path}/${property.segment}`, misplaced, root);
    }
  }
}
