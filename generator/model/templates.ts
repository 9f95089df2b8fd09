import Handlebars from 'handlebars';
import type { Problem } from '../definitions/problems.js';
import type { SourceFile } from '../definitions/source.js';
import { closest } from '../../runtime/suggest.js';
import { fieldAt, walkFields } from './build-fields.js';
import type { Field, FieldKind, ObjectField } from './types.js';

type HBNode = hbs.AST.Node;

/**
 * The fixed set of helpers an utterance template may use, and the kind of field each one takes.
 * Declared once: the template checker here and the previewer emitter both read it.
 */
export const utteranceHelpers = {
  spoken: { accepts: ['enum'], description: 'the words an enum value is spoken as, in the locale' },
  date: { accepts: ['date-time'], description: "a date in the locale's long form (May 18, 2019)" },
  list: { accepts: ['array'], description: 'the items joined as "a, b and c" (enum items spoken)' },
  plural: {
    accepts: ['integer'],
    description: 'the singular word when the count is 1, else the plural',
  },
  number: {
    accepts: ['integer'],
    description: 'a count in words (three) where the locale has them',
  },
} as const satisfies Record<string, { accepts: readonly FieldKind[]; description: string }>;

export type UtteranceHelper = keyof typeof utteranceHelpers;
const blockHelpers = ['if', 'unless'] as const;

/** The locale every schema must have templates for; previews of other locales fall back to it. */
export const requiredUtteranceLocale = 'en-US';

/**
 * The options every utterance template is compiled with, here and in the reference renderer:
 * strict (a missing field throws) and only the fixed helpers.
 */
export const utteranceCompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  noEscape: true,
  knownHelpers: Object.fromEntries(Object.keys(utteranceHelpers).map((name) => [name, true])),
} as const satisfies CompileOptions;

/** A reference from a template to a payload field. */
export interface TemplateReference {
  readonly path: readonly string[];
  readonly helper?: UtteranceHelper | (typeof blockHelpers)[number];
}

/**
 * Parses a template and checks every helper and field it names against the payload. Problems
 * point at the offending text inside the definition file.
 */
export function checkTemplate(
  template: string,
  payload: ObjectField,
  source: SourceFile,
  pointer: string,
): { references: TemplateReference[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const references: TemplateReference[] = [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      references,
      problems: [
        source.problem(pointer, `the template does not parse: ${message} (Handlebars syntax)`),
      ],
    };
  }
  const knownPaths = [...walkFields(payload)]
    .filter((field) => field.path.length > 0 && !field.path.includes('*'))
    .map((field) => field.path.join('.'));

  const reference = (node: hbs.AST.PathExpression, helper?: TemplateReference['helper']) => {
    const dotted = node.original;
    const path = dotted.split('.');
    const field =
      node.data || node.depth > 0 || path.includes('this') ? undefined : fieldAt(payload, path);
    if (!field) {
      const suggestion = closest(dotted, knownPaths);
      problems.push(
        source.problemAtToken(
          pointer,
          dotted,
          `the template names ${JSON.stringify(dotted)}, which the payload does not have (a payload field such as ${suggestion ?? knownPaths[0]}${suggestion ? ', the closest' : ''})`,
        ),
      );
      return;
    }
    if (helper && helper in utteranceHelpers) {
      const accepts: readonly FieldKind[] = utteranceHelpers[helper as UtteranceHelper].accepts;
      if (!accepts.includes(field.kind)) {
        problems.push(
          source.problemAtToken(
            pointer,
            dotted,
            `{{${helper}}} cannot take ${dotted}, a ${describeKind(field)} field (a field of type ${accepts.join(' or ')})`,
          ),
        );
      }
    }
    if (!helper && (field.kind === 'object' || field.kind === 'array')) {
      problems.push(
        source.problemAtToken(
          pointer,
          dotted,
          `{{${dotted}}} is ${field.kind === 'array' ? 'an array' : 'an object'} and cannot be spoken as it is (${field.kind === 'array' ? '{{list field}}' : 'one of its fields'})`,
        ),
      );
    }
    references.push(helper ? { path, helper } : { path });
  };

  const helperCall = (name: string, params: hbs.AST.Expression[], node: HBNode) => {
    const known = name in utteranceHelpers || (blockHelpers as readonly string[]).includes(name);
    if (!known) {
      const helperNames = [...Object.keys(utteranceHelpers), ...blockHelpers];
      const suggestion = closest(name, helperNames);
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `unknown helper ${JSON.stringify(name)} (one of ${helperNames.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''})`,
        ),
      );
      return;
    }
    const [first, ...rest] = params;
    if (first?.type !== 'PathExpression') {
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `{{${name}}} needs a payload field as its first argument (e.g. {{${name} some.field}})`,
        ),
      );
    } else {
      reference(first as hbs.AST.PathExpression, name as TemplateReference['helper']);
    }
    const expectedStrings = name === 'plural' ? 2 : 0;
    const strings = rest.filter((param) => param.type === 'StringLiteral').length;
    if (rest.length !== expectedStrings || strings !== expectedStrings) {
      const expectation = expectedStrings
        ? `a field and ${expectedStrings} quoted words, e.g. {{plural count "message" "messages"}}`
        : 'exactly one field';
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `{{${name}}} takes ${expectation} (got ${params.length} argument${params.length === 1 ? '' : 's'})`,
        ),
      );
    }
    void node;
  };

  const visit = (node: HBNode): void => {
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.path.type !== 'PathExpression') break;
        const path = mustache.path as hbs.AST.PathExpression;
        if (mustache.params.length === 0 && !(path.original in utteranceHelpers)) reference(path);
        else helperCall(path.original, mustache.params, node);
        break;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        helperCall((block.path as hbs.AST.PathExpression).original, block.params, node);
        if (block.program) visit(block.program);
        if (block.inverse) visit(block.inverse);
        break;
      }
      case 'ContentStatement':
      case 'CommentStatement':
        break;
      default:
        problems.push(
          source.problem(
            pointer,
            `the template uses ${node.type}, which utterances do not support (text, {{field}}, {{helper field}}, {{#if field}}…{{/if}})`,
          ),
        );
    }
  };
  visit(program);
  if (problems.length === 0) {
    // The check the templates get in Handlebars itself, so a template that passes here also
    // compiles for anyone rendering it with Handlebars (the benchmark's reference renderer).
    try {
      Handlebars.precompile(template, utteranceCompileOptions);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      problems.push(
        source.problem(
          pointer,
          `Handlebars refuses the template: ${message} (strict, known helpers only)`,
        ),
      );
    }
  }
  return { references, problems };
}

/**
 * A template in a locale other than en-US must have words in that locale for every enum value
 * it speaks: a missing translation fails generation instead of mixing languages in a sentence.
 */
export function checkSpokenWords(
  references: readonly TemplateReference[],
  payload: ObjectField,
  locale: string,
  source: SourceFile,
  pointer: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const reference of references) {
    if (reference.helper !== 'spoken' && reference.helper !== 'list') continue;
    const field = fieldAt(payload, reference.path);
    const spokenField = field?.kind === 'array' ? field.items : field;
    if (spokenField?.kind !== 'enum') continue;
    const missing = spokenField.values.filter((value) => !(locale in value.spoken));
    if (missing.length > 0) {
      problems.push(
        source.problemAtToken(
          pointer,
          reference.path.join('.'),
          `${reference.path.join('.')} has no ${locale} words for ${missing.map((value) => value.value).join(', ')} (spoken: { ${requiredUtteranceLocale}: …, ${locale}: … } on each value)`,
        ),
      );
    }
  }
  return problems;
}

function describeKind(field: Field): string {
  return field.kind === 'date-time' ? 'date-time' : field.kind;
}
