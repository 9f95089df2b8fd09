import type { Name } from '../../codegen/code.js';
import { Code, code, docComment, join, regexp } from '../../codegen/code.js';
import { commentText } from '../../codegen/literal.js';
import { escapeSegment } from '../../definitions/pointer.js';
import { primitiveItems, type Field, type ObjectField } from '../../model/types.js';
import type { EmitState } from './state.js';
import { constantName } from './state.js';

/**
 * The full path: statements that check a value against a field and record every issue through
 * the runtime's checks (runtime/validation/checks.ts), one call per rule.
 */

/** Where the statements sit: the collector is `c`; pointers of misplaced fields are below `root`. */
export interface FullContext {
  readonly state: EmitState;
  /** The payload's "field → where it belongs" map, for unknown-property hints. */
  readonly misplaced?: Name;
  /** The pointer of the payload root (a variable). */
  readonly root: Name;
}

/** Statements checking `value` (present) against `field`; `pointer` is its pointer expression. */
export function fullCheck(
  context: FullContext,
  field: Field,
  value: Name,
  pointer: Code,
  bind?: Name,
): Code {
  const { state } = context;
  switch (field.kind) {
    case 'string': {
      const test = field.localizable
        ? code`localizableString(c, ${value}, ${pointer})`
        : code`plainString(c, ${value}, ${pointer})`;
      const rules = stringRules(state, field, value, pointer);
      return rules.length === 0 ? code`${test};` : code`if (${test}) {\n${join(rules)}\n}`;
    }
    case 'integer':
      return code`integer(c, ${value}, ${pointer}, ${bound(field.minimum)}, ${bound(field.maximum)});`;
    case 'boolean':
      return code`boolean(c, ${value}, ${pointer});`;
    case 'date-time':
      // The bound text (not the instant) keeps sub-millisecond fractions for the expiry window.
      return bind
        ? code`if (!Number.isNaN(dateTime(c, ${value}, ${pointer}))) ${bind} = ${value} as string;`
        : code`dateTime(c, ${value}, ${pointer});`;
    case 'enum':
      return code`enumValue(c, ${value}, ${pointer}, ${enumValues(state, field)});`;
    case 'object':
      return objectCheck(context, field, value, pointer);
    case 'array': {
      const path = state.locals.name('p');
      const items = state.locals.name('a');
      const count = state.locals.name('n');
      const index = state.locals.name('i');
      const item = state.locals.name('v');
      const itemCheck = fullCheck(context, field.items, item, code`${path} + "/" + ${index}`);
      return code`const ${path} = ${pointer};
        const ${items} = asArray(c, ${value}, ${path});
        if (${items} !== undefined) {
          const ${count} = arrayBounds(c, ${items}, ${path}, ${bound(field.minItems)}, ${bound(field.maxItems)});
          for (let ${index} = 0; ${index} < ${count}; ${index}++) {
            const ${item} = readItem(c, ${items}, ${index}, ${path});
            ${itemCheck}
          }
          ${field.uniqueItems ? code`unique(c, ${items}, ${count}, ${path}${primitiveItems(field) ? code`, true` : code``});` : code``}
        }`;
    }
  }
}

function objectCheck(context: FullContext, field: ObjectField, value: Name, pointer: Code): Code {
  const { state } = context;
  const path = state.locals.name('p');
  const object = state.locals.name('o');
  const keys = knownKeys(state, field);
  const misplaced = context.misplaced ? code`, ${context.misplaced}, ${context.root}` : code``;
  const properties = field.properties.map((property) =>
    fullProperty(context, property, object, path),
  );
  return code`const ${path} = ${pointer};
    const ${object} = asObject(c, ${value}, ${path});
    if (${object} !== undefined) {
      closed(c, ${object}, ${path}, ${keys}${misplaced});
      ${join(properties)}
    }`;
}

/** Statements reading `field` from `object` (at `path`) and checking it. */
export function fullProperty(
  context: FullContext,
  field: Field,
  object: Name,
  path: Name,
  bind?: Name,
): Code {
  const value = context.state.locals.name('v');
  const check = fullCheck(
    context,
    field,
    value,
    code`${path} + ${`/${escapeSegment(field.key)}`}`,
    bind,
  );
  const read = code`const ${value} = read(c, ${object}, ${field.key}, ${path});`;
  const doc = docComment(`${field.key}: ${field.description}`);
  return field.required
    ? code`${doc}\n${read}\nif (${value} === undefined) missing(c, ${value}, ${path}, ${field.key}, ${expectedOf(field)});\nelse {\n${check}\n}`
    : code`${doc}\n${read}\nif (${value} !== undefined) {\n${check}\n}`;
}

function stringRules(
  state: EmitState,
  field: Field & { kind: 'string' },
  value: Name,
  pointer: Code,
): Code[] {
  const rules: Code[] = [];
  if (field.minLength !== undefined || field.maxLength !== undefined) {
    rules.push(
      code`length(c, ${value}, ${pointer}, ${bound(field.minLength)}, ${bound(field.maxLength)});`,
    );
  }
  if (field.pattern !== undefined) {
    rules.push(code`pattern(c, ${value}, ${pointer}, ${patternConstant(state, field)});`);
  }
  return rules;
}

/** `undefined` or the number, for optional bounds. */
export function bound(value: number | undefined): Code {
  return value === undefined ? new Code('undefined') : code`${value}`;
}

/** The module constant holding an enum's values (a Set). */
export function enumValues(state: EmitState, field: Field & { kind: 'enum' }): Name {
  return state.constant(
    constantName(field.typeName, 'Values'),
    code`new Set<string>(${field.values.map((entry) => entry.value)})`,
    `The values of ${commentText(field.typeName)}.`,
  );
}

/** The module constant holding an object's property names (a Set). */
export function knownKeys(state: EmitState, field: ObjectField): Name {
  return state.constant(
    constantName(field.typeName, 'Keys'),
    code`new Set<string>(${field.properties.map((property) => property.key)})`,
    `The properties of ${commentText(field.typeName)}.`,
  );
}

/** The module constant holding a string field's pattern. */
export function patternConstant(state: EmitState, field: Field & { kind: 'string' }): Name {
  const stem = /^[A-Za-z][A-Za-z0-9]*$/.test(field.key) ? field.key : 'field';
  return state.shared(constantName(stem, 'Pattern'), regexp(field.pattern!));
}

/** What a missing field should be, in words, for the `required` message. */
export function expectedOf(field: Field): string {
  switch (field.kind) {
    case 'string':
      return field.localizable ? 'a string (or a localizedattribute: reference)' : 'a string';
    case 'integer':
      return field.minimum === undefined ? 'an integer' : `an integer ≥ ${field.minimum}`;
    case 'boolean':
      return 'true or false';
    case 'date-time':
      return 'a date-time such as 2019-02-13T14:00:00Z';
    case 'enum': {
      const values = field.values.map((entry) => entry.value);
      return values.length === 1
        ? values[0]!
        : `one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    }
    case 'object':
      return `an object (${field.properties.map((property) => property.key).join(', ')})`;
    case 'array':
      return 'an array';
  }
}
