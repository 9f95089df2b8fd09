import { literal } from '../../codegen/literal.js';
import { toPointer } from '../../definitions/pointer.js';
import { fieldAt } from '../../model/build-fields.js';
import { spokenEnum } from '../../model/templates.js';
import type {
  EnumField,
  Field,
  ObjectField,
  TemplatePart,
  UtteranceCondition,
} from '../../model/types.js';
import { utteranceHelpers } from '../../../runtime/utterance/helpers.js';

/**
 * Turns a parsed utterance template (model/templates.ts parsed and checked it) into one
 * TypeScript expression of type string, so no template is parsed or interpreted at run time:
 * every field and helper it names exists, so anything unexpected here is a generator bug.
 *
 * Every value goes through a method of the run-time UtteranceContext (`say`), which checks it
 * and speaks it: `{{field}}` by the field's kind, `{{helper field …}}` by the helper's method
 * with the arguments its entry in the helper table (runtime/utterance/helpers.ts) describes.
 * Text becomes string literals through codegen/literal.ts.
 */

/** What the compiler needs to know besides the template. */
export interface TemplateScope {
  readonly payload: ObjectField;
  /** The name of the payload parameter in the emitted function. */
  readonly payloadName: string;
  /** The name of the UtteranceContext parameter. */
  readonly contextName: string;
  /** The expression for the words of an enum field in this template's locale. */
  wordsOf(field: EnumField): string;
  /** The name of the run-time isTruthy function. */
  readonly truthyName: string;
}

/** The JSON pointer, inside an event, of a payload field (what errors name). */
export function payloadPointer(path: readonly string[]): string {
  return `/event/payload${toPointer(path)}`;
}

/** `payload.a?.b?.c`: every step may be missing in an event nobody validated. */
export function readExpression(payloadName: string, path: readonly string[]): string {
  return path
    .map((segment, index) => {
      const dot = index === 0 ? '.' : '?.';
      return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)
        ? `${dot}${segment}`
        : `${index === 0 ? '' : '?.'}[${literal(segment)}]`;
    })
    .reduce((expression, step) => expression + step, payloadName);
}

export function compileTemplate(parts: readonly TemplatePart[], scope: TemplateScope): string {
  const compiled = parts.flatMap((part) => compilePart(part, scope));
  return compiled.length === 0 ? "''" : compiled.join(' + ');
}

function compilePart(part: TemplatePart, scope: TemplateScope): string[] {
  switch (part.kind) {
    case 'text': {
      // Runs of white space become one space, as the run-time normalisation would make them.
      const text = part.text.replace(/\s+/g, ' ');
      return text === '' ? [] : [literal(text)];
    }
    case 'field':
      return [fieldValue(part.path, scope)];
    case 'helper': {
      const spec = utteranceHelpers[part.helper];
      const field = requireField(scope.payload, part.path);
      const args = [readExpression(scope.payloadName, part.path)];
      if (spec.spokenWords) {
        const words = spokenEnum(field);
        args.push(words ? scope.wordsOf(words) : 'undefined');
      }
      args.push(...part.quoted.map((word) => literal(word)));
      args.push(literal(payloadPointer(part.path)));
      return [call(scope, part.helper, args)];
    }
    case 'block': {
      const test = `${scope.truthyName}(${readExpression(scope.payloadName, part.path)})`;
      const [whenTrue, whenFalse] =
        part.helper === 'unless' ? [part.otherwise, part.then] : [part.then, part.otherwise];
      return [
        `(${test} ? ${compileTemplate(whenTrue, scope)} : ${compileTemplate(whenFalse, scope)})`,
      ];
    }
  }
}

/** `{{field}}`: the value as written, resolved if it is a localized attribute. */
function fieldValue(path: readonly string[], scope: TemplateScope): string {
  const field = requireField(scope.payload, path);
  const method =
    field.kind === 'string'
      ? field.localizable
        ? 'localized'
        : 'text'
      : field.kind === 'integer'
        ? 'integer'
        : 'raw';
  return call(scope, method, [
    readExpression(scope.payloadName, path),
    literal(payloadPointer(path)),
  ]);
}

/** A variant's `when` as a boolean expression (true when it has no conditions). */
export function conditionExpression(
  conditions: readonly UtteranceCondition[],
  payloadName: string,
): string {
  const tests = conditions.map((condition) => {
    const read = readExpression(payloadName, condition.path);
    if (condition.test === 'present') {
      return `${read} ${condition.present ? '!==' : '==='} undefined`;
    }
    const alternatives = condition.values.map((value) => `${read} === ${literal(value)}`);
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' || ')})`;
  });
  return tests.length === 0 ? 'true' : tests.join(' && ');
}

function call(scope: TemplateScope, method: string, args: readonly string[]): string {
  return `${scope.contextName}.${method}(${args.join(', ')})`;
}

function requireField(payload: ObjectField, path: readonly string[]): Field {
  const field = fieldAt(payload, path);
  if (!field) throw new Error(`generator bug: unchecked template field ${path.join('.')}`);
  return field;
}
