import type { Name } from '../../codegen/code.js';
import { Code, code, join, member } from '../../codegen/code.js';
import type { Field, ObjectField } from '../../model/types.js';
import { enumValues, knownKeys, patternConstant } from './full.js';
import type { EmitState } from './state.js';

/**
 * The boolean path: straight-line statements that `return false` at the first broken rule and
 * allocate nothing, except the list of localized references the envelope checks afterwards.
 */

/** Up to this many values, enums and closed objects compare with `===` instead of a Set. */
const inlineLimit = 6;

export interface FastContext {
  readonly state: EmitState;
  /** The array localized reference keys are pushed onto. */
  readonly references: Name;
  /** The module constants holding the reference prefix and its length. */
  readonly prefix: Name;
  readonly prefixLength: Name;
}

/** Statements returning false unless `value` satisfies `field` (`undefined` fails a required one). */
export function fastCheck(context: FastContext, field: Field, value: Name, bind?: Name): Code {
  const { state } = context;
  switch (field.kind) {
    case 'string': {
      const rules: Code[] = [];
      if (field.localizable) {
        rules.push(code`if (typeof ${value} !== "string") return false;`);
      } else {
        rules.push(
          code`if (typeof ${value} !== "string" || ${value}.startsWith(${context.prefix})) return false;`,
        );
      }
      if (field.minLength !== undefined || field.maxLength !== undefined) {
        const length = state.locals.name('n');
        const tests = [
          field.minLength !== undefined && code`${length} < ${field.minLength}`,
          field.maxLength !== undefined && code`${length} > ${field.maxLength}`,
        ];
        rules.push(code`const ${length} = stringLength(${value});`);
        rules.push(code`if (${join(tests, new Code(' || '))}) return false;`);
      }
      if (field.pattern !== undefined) {
        rules.push(code`if (!${patternConstant(state, field)}.test(${value})) return false;`);
      }
      if (field.localizable) {
        rules.push(
          code`if (${value}.startsWith(${context.prefix})) ${context.references}.push(${value}.slice(${context.prefixLength}));`,
        );
      }
      return join(rules);
    }
    case 'integer': {
      const tests = [
        code`typeof ${value} !== "number"`,
        code`!Number.isInteger(${value})`,
        field.minimum !== undefined && code`${value} < ${field.minimum}`,
        field.maximum !== undefined && code`${value} > ${field.maximum}`,
      ];
      return code`if (${join(tests, new Code(' || '))}) return false;`;
    }
    case 'boolean':
      return code`if (typeof ${value} !== "boolean") return false;`;
    case 'date-time':
      return bind
        ? code`if (typeof ${value} !== "string" || Number.isNaN(parseDateTime(${value}))) return false;\nconst ${bind} = ${value};`
        : code`if (typeof ${value} !== "string" || Number.isNaN(parseDateTime(${value}))) return false;`;
    case 'enum': {
      const values = field.values.map((entry) => entry.value);
      if (values.length <= inlineLimit) {
        return code`if (${join(
          values.map((entry) => code`${value} !== ${entry}`),
          new Code(' && '),
        )}) return false;`;
      }
      return code`if (typeof ${value} !== "string" || !${enumValues(state, field)}.has(${value})) return false;`;
    }
    case 'object':
      return objectCheck(context, field, value);
    case 'array': {
      const count = state.locals.name('n');
      const index = state.locals.name('i');
      const item = state.locals.name('v');
      const limits = [
        field.minItems !== undefined && code`${count} < ${field.minItems}`,
        code`${count} > ${field.maxItems ?? new Code('scanLimit')}`,
      ];
      return code`if (!Array.isArray(${value})) return false;
        const ${count} = ${value}.length;
        if (${join(limits, new Code(' || '))}) return false;
        for (let ${index} = 0; ${index} < ${count}; ${index}++) {
          const ${item}: unknown = ${value}[${index}];
          ${fastCheck(context, field.items, item)}
        }
        ${field.uniqueItems ? code`if (!isUnique(${value})) return false;` : code``}`;
    }
  }
}

function objectCheck(context: FastContext, field: ObjectField, value: Name): Code {
  const { state } = context;
  const object = state.locals.name('o');
  const key = state.locals.name('k');
  const keys = field.properties.map((property) => property.key);
  const unknown =
    keys.length === 0
      ? code`true`
      : keys.length <= inlineLimit
        ? join(
            keys.map((name) => code`${key} !== ${name}`),
            new Code(' && '),
          )
        : code`!${knownKeys(state, field)}.has(${key})`;
  return code`if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) return false;
    const ${object} = ${value} as Record<string, unknown>;
    for (const ${key} in ${object}) if (${unknown} && hasOwn(${object}, ${key})) return false;
    ${join(field.properties.map((property) => fastProperty(context, property, object)))}`;
}

/** Statements reading `field` from `object` and checking it. */
export function fastProperty(context: FastContext, field: Field, object: Name, bind?: Name): Code {
  const value = context.state.locals.name('v');
  // Own properties only: JSON has no prototypes, and a field named `constructor` is not inherited.
  const read = code`const ${value} = hasOwn(${object}, ${field.key}) ? ${member(object, field.key)} : undefined;`;
  const check = fastCheck(context, field, value, bind);
  return field.required
    ? code`${read}\n${check}`
    : code`${read}\nif (${value} !== undefined) {\n${check}\n}`;
}
