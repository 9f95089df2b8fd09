import Handlebars from 'handlebars';
import { literal } from '../../codegen/literal.js';
import { toPointer } from '../../definitions/pointer.js';
import { fieldAt } from '../../model/build-fields.js';
import type { Field, ObjectField, UtteranceCondition } from '../../model/types.js';

/**
 * Turns an utterance template into one TypeScript expression of type string, so no template is
 * parsed or interpreted at run time. The template has passed checkTemplate (model/templates.ts):
 * every field and helper it names exists, so anything unexpected here is a generator bug.
 *
 * Every value goes through a method of the run-time UtteranceContext (`say`), which checks it
 * and speaks it; text becomes string literals through codegen/literal.ts.
 */

/** What the compiler needs to know besides the template. */
export interface TemplateScope {
  readonly payload: ObjectField;
  /** The name of the payload parameter in the emitted function. */
  readonly payloadName: string;
  /** The name of the UtteranceContext parameter. */
  readonly contextName: string;
  /** The expression for the words of an enum field in this template's locale. */
  wordsOf(field: Field): string;
  /** The name of the run-time isTruthy function. */
  readonly truthyName: string;
}

type Node = hbs.AST.Node;

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

export function compileTemplate(template: string, scope: TemplateScope): string {
  return compileProgram(Handlebars.parse(template), scope);
}

function compileProgram(program: hbs.AST.Program | undefined, scope: TemplateScope): string {
  const parts = (program?.body ?? []).flatMap((node) => compileNode(node, scope));
  return parts.length === 0 ? "''" : parts.join(' + ');
}

function compileNode(node: Node, scope: TemplateScope): string[] {
  switch (node.type) {
    case 'ContentStatement': {
      // Runs of white space become one space, as the run-time normalisation would make them.
      const text = (node as hbs.AST.ContentStatement).value.replace(/\s+/g, ' ');
      return text === '' ? [] : [literal(text)];
    }
    case 'CommentStatement':
      return [];
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      const name = (mustache.path as hbs.AST.PathExpression).original;
      return [
        mustache.params.length === 0
          ? fieldValue(name, scope)
          : helperCall(name, mustache.params, scope),
      ];
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = (block.path as hbs.AST.PathExpression).original;
      const path = pathOf(block.params[0]);
      const test = `${scope.truthyName}(${readExpression(scope.payloadName, path)})`;
      const [whenTrue, whenFalse] =
        name === 'unless' ? [block.inverse, block.program] : [block.program, block.inverse];
      return [
        `(${test} ? ${compileProgram(whenTrue, scope)} : ${compileProgram(whenFalse, scope)})`,
      ];
    }
    default:
      throw new Error(
        `generator bug: an utterance template reached the compiler with a ${node.type}`,
      );
  }
}

/** `{{field}}`: the value as written, resolved if it is a localized attribute. */
function fieldValue(dotted: string, scope: TemplateScope): string {
  const path = dotted.split('.');
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

/** `{{helper field …}}`: one of the fixed helpers of model/templates.ts. */
function helperCall(name: string, params: hbs.AST.Expression[], scope: TemplateScope): string {
  const path = pathOf(params[0]);
  const field = requireField(scope.payload, path);
  const read = readExpression(scope.payloadName, path);
  const pointer = literal(payloadPointer(path));
  switch (name) {
    case 'spoken':
      return call(scope, 'spoken', [read, scope.wordsOf(field), pointer]);
    case 'list':
      return call(scope, 'list', [
        read,
        field.kind === 'array' && field.items.kind === 'enum'
          ? scope.wordsOf(field.items)
          : 'undefined',
        pointer,
      ]);
    case 'date':
    case 'number':
      return call(scope, name, [read, pointer]);
    case 'plural': {
      const words = params.slice(1).map((param) => literal((param as hbs.AST.StringLiteral).value));
      return call(scope, 'plural', [read, ...words, pointer]);
    }
    default:
      throw new Error(`generator bug: unknown utterance helper ${name}`);
  }
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

function pathOf(param: hbs.AST.Expression | undefined): string[] {
  if (param?.type !== 'PathExpression') {
    throw new Error('generator bug: a helper without a field reached the template compiler');
  }
  return (param as hbs.AST.PathExpression).original.split('.');
}

function requireField(payload: ObjectField, path: readonly string[]): Field {
  const field = fieldAt(payload, path);
  if (!field) throw new Error(`generator bug: unchecked template field ${path.join('.')}`);
  return field;
}

/** Every `{{helper field …}}` in a template, as helper name and field path. */
export function helperReferences(template: string): { helper: string; path: string[] }[] {
  const found: { helper: string; path: string[] }[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'Program') (node as hbs.AST.Program).body.forEach(visit);
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') {
      const statement = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement;
      const [first] = statement.params;
      if (first?.type === 'PathExpression') {
        found.push({
          helper: (statement.path as hbs.AST.PathExpression).original,
          path: pathOf(first),
        });
      }
    }
    if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      visit(block.program);
      if (block.inverse) visit(block.inverse);
    }
  };
  visit(Handlebars.parse(template));
  return found;
}
