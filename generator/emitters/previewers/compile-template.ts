import { code, join, member, Name, runtime, type Code } from '../../codegen/code.js';
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
import { isTidy } from '../../../runtime/utterance/speak.js';

/**
 * Turns a parsed utterance template (model/templates.ts parsed and checked it) into one
 * TypeScript expression of type string, so no template is parsed or interpreted at run time:
 * every field and helper it names exists, so anything unexpected here is a generator bug.
 *
 * Every value goes through a method of the run-time UtteranceContext (`say`), which checks it
 * and speaks it: `{{field}}` by the field's kind, `{{helper field …}}` by the helper's method
 * with the arguments its entry in the helper table (runtime/utterance/helpers.ts) describes.
 * The expression is built with the code builder (codegen/code.ts): text and pointers become
 * literals, payload keys go through `member`, and the run-time isTruthy is imported where used.
 */

/** What the compiler needs to know besides the template. */
export interface TemplateScope {
  readonly payload: ObjectField;
  /** The payload parameter of the emitted function. */
  readonly payloadName: Name;
  /** The UtteranceContext parameter. */
  readonly contextName: Name;
  /** The expression for the words of an enum field in this template's locale. */
  wordsOf(field: EnumField): Code;
}

/** The run-time test of an {{#if}} block, imported by the modules whose templates have one. */
const isTruthy = runtime('isTruthy');

/** The JSON pointer, inside an event, of a payload field (what errors name). */
export function payloadPointer(path: readonly string[]): string {
  return `/event/payload${toPointer(path)}`;
}

/** `payload.a?.b?.c`: every step may be missing in an event nobody validated. */
export function readExpression(payloadName: Code, path: readonly string[]): Code {
  return path.reduce<Code>(
    (expression, segment, index) => member(expression, segment, index > 0),
    payloadName,
  );
}

/** Whether the parts read the payload at all (a template of plain text does not). */
export function readsPayload(parts: readonly TemplatePart[]): boolean {
  return parts.some((part) => part.kind !== 'text');
}

export function compileTemplate(parts: readonly TemplatePart[], scope: TemplateScope): Code {
  const compiled = parts.flatMap((part) => compilePart(part, scope));
  return compiled.length === 0 ? code`${''}` : join(compiled, ' + ');
}

function compilePart(part: TemplatePart, scope: TemplateScope): Code[] {
  switch (part.kind) {
    case 'text': {
      const text = literalText(part.text);
      return text === '' ? [] : [code`${text}`];
    }
    case 'field':
      return [fieldValue(part.path, scope)];
    case 'helper': {
      const spec = utteranceHelpers[part.helper];
      const field = requireField(scope.payload, part.path);
      const args = [readExpression(scope.payloadName, part.path)];
      if (spec.spokenWords) {
        const words = spokenEnum(field);
        args.push(words ? scope.wordsOf(words) : code`undefined`);
      }
      args.push(...part.quoted.map((word) => code`${word}`));
      args.push(code`${payloadPointer(part.path)}`);
      return [call(scope, part.helper, args)];
    }
    case 'block': {
      const test = code`${isTruthy}(${readExpression(scope.payloadName, part.path)})`;
      const [whenTrue, whenFalse] =
        part.helper === 'unless' ? [part.otherwise, part.then] : [part.then, part.otherwise];
      return [
        code`(${test} ? ${compileTemplate(whenTrue, scope)} : ${compileTemplate(whenFalse, scope)})`,
      ];
    }
  }
}

/** A run of template text as emitted: runs of white space become one space, as normalizing would. */
function literalText(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Whether the template's own text leaves its sentence tidy whenever every value it speaks is
 * plain (the run-time isPlainValue), so the previewer need not normalize it: no {{#if}} block
 * (an empty branch brings two runs of text together), and the text tidy with each value stood in
 * for by a letter. A plain value neither starts nor ends with anything its neighbours could make
 * untidy, so a letter stands for every one of them.
 */
export function isTidyTemplate(parts: readonly TemplatePart[]): boolean {
  let skeleton = '';
  for (const part of parts) {
    if (part.kind === 'block') return false;
    skeleton += part.kind === 'text' ? literalText(part.text) : 'x';
  }
  return isTidy(skeleton);
}

/** `{{field}}`: the value as written, resolved if it is a localized attribute. */
function fieldValue(path: readonly string[], scope: TemplateScope): Code {
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
    code`${payloadPointer(path)}`,
  ]);
}

/** A variant's `when` as a boolean expression (true when it has no conditions). */
export function conditionExpression(
  conditions: readonly UtteranceCondition[],
  payloadName: Code,
): Code {
  const tests = conditions.map((condition) => {
    const read = readExpression(payloadName, condition.path);
    if (condition.test === 'present') {
      return condition.present ? code`${read} !== undefined` : code`${read} === undefined`;
    }
    const alternatives = condition.values.map((value) => code`${read} === ${value}`);
    return alternatives.length === 1 ? alternatives[0]! : code`(${join(alternatives, ' || ')})`;
  });
  return tests.length === 0 ? code`true` : join(tests, ' && ');
}

function call(scope: TemplateScope, method: string, args: readonly Code[]): Code {
  return code`${scope.contextName}.${new Name(method)}(${join(args, ', ')})`;
}

function requireField(payload: ObjectField, path: readonly string[]): Field {
  const field = fieldAt(payload, path);
  if (!field) throw new Error(`generator bug: unchecked template field ${path.join('.')}`);
  return field;
}
