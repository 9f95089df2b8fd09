import Handlebars from 'handlebars';
import type { Problem } from '../definitions/problems.js';
import type { SourceFile } from '../definitions/source.js';
import { closest } from '../../runtime/suggest.js';
import { fieldAt, requiredUtteranceLocale, walkFields } from './build-fields.js';
import {
  isUtteranceHelper,
  utteranceBlockHelpers,
  utteranceHelpers,
  type UtteranceBlockHelper,
} from '../../runtime/utterance/helpers.js';
import type {
  EnumField,
  Field,
  FieldKind,
  ObjectField,
  TemplatePart,
  TemplateReference,
} from './types.js';

type HBNode = hbs.AST.Node;

/**
 * The options every utterance template is compiled with, here and in the reference renderer:
 * strict (a missing field throws) and only the helpers of the table.
 */
export const utteranceCompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  noEscape: true,
  knownHelpers: Object.fromEntries(Object.keys(utteranceHelpers).map((name) => [name, true])),
} as const satisfies CompileOptions;

const helperNames: readonly string[] = [...Object.keys(utteranceHelpers), ...utteranceBlockHelpers];

/**
 * Parses a template (the only place one is parsed) into the parts the compiler reads, with every
 * field it names, and checks every helper and field against the payload and the helper table.
 * Problems point at the offending text inside the definition file.
 */
export function checkTemplate(
  template: string,
  payload: ObjectField,
  source: SourceFile,
  pointer: string,
): { parts: TemplatePart[]; references: TemplateReference[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const references: TemplateReference[] = [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      parts: [],
      references,
      problems: [
        source.problem(pointer, `the template does not parse: ${message} (Handlebars syntax)`),
      ],
    };
  }
  const knownPaths = [...walkFields(payload)]
    .filter((field) => field.path.length > 0 && !field.path.includes('*'))
    .map((field) => field.path.join('.'));

  /** The field a path expression names, checked; its path (even when unknown, for the parts). */
  const reference = (node: hbs.AST.Expression, helper?: TemplateReference['helper']) => {
    const dotted = (node as hbs.AST.PathExpression).original;
    const path = dotted.split('.');
    const expression = node as hbs.AST.PathExpression;
    const field =
      expression.data || expression.depth > 0 || path.includes('this')
        ? undefined
        : fieldAt(payload, path);
    if (!field) {
      const suggestion = closest(dotted, knownPaths);
      problems.push(
        source.problemAtToken(
          pointer,
          dotted,
          `the template names ${JSON.stringify(dotted)}, which the payload does not have (a payload field such as ${suggestion ?? knownPaths[0]}${suggestion ? ', the closest' : ''})`,
        ),
      );
      return path;
    }
    if (helper && isUtteranceHelper(helper)) {
      const accepts: readonly FieldKind[] = utteranceHelpers[helper].accepts;
      if (!accepts.includes(field.kind)) {
        problems.push(
          source.problemAtToken(
            pointer,
            dotted,
            `{{${helper}}} cannot take ${dotted}, a ${field.kind} field (a field of type ${accepts.join(' or ')})`,
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
    return path;
  };

  /** `{{name field …}}` or `{{#name field}}`: the field's path and the quoted words, if known. */
  const helperCall = (name: string, params: hbs.AST.Expression[]) => {
    const helper = isUtteranceHelper(name) ? name : undefined;
    const block = (utteranceBlockHelpers as readonly string[]).includes(name);
    if (!helper && !block) {
      const suggestion = closest(name, helperNames);
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `unknown helper ${JSON.stringify(name)} (one of ${helperNames.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''})`,
        ),
      );
      return undefined;
    }
    const [first, ...rest] = params;
    let path: readonly string[] = [];
    if (first?.type !== 'PathExpression') {
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `{{${name}}} needs a payload field as its first argument (e.g. {{${name} some.field}})`,
        ),
      );
    } else {
      path = reference(first, name as TemplateReference['helper']);
    }
    const spec = helper ? utteranceHelpers[helper] : undefined;
    const roles = spec?.quoted ?? [];
    const quoted = rest.flatMap((param) =>
      param.type === 'StringLiteral' ? [(param as hbs.AST.StringLiteral).value] : [],
    );
    if (rest.length !== roles.length || quoted.length !== roles.length) {
      const expectation = roles.length
        ? `a field and ${roles.length} quoted words, e.g. ${spec!.example}`
        : 'exactly one field';
      problems.push(
        source.problemAtToken(
          pointer,
          name,
          `{{${name}}} takes ${expectation} (got ${params.length} argument${params.length === 1 ? '' : 's'})`,
        ),
      );
    }
    return { helper, path, quoted };
  };

  const visit = (nodes: readonly HBNode[]): TemplatePart[] =>
    nodes.flatMap((node): TemplatePart[] => {
      switch (node.type) {
        case 'MustacheStatement': {
          const mustache = node as hbs.AST.MustacheStatement;
          if (mustache.path.type !== 'PathExpression') break;
          const name = (mustache.path as hbs.AST.PathExpression).original;
          if (mustache.params.length === 0 && !isUtteranceHelper(name)) {
            return [{ kind: 'field', path: reference(mustache.path) }];
          }
          const call = helperCall(name, mustache.params);
          return call?.helper ? [{ kind: 'helper', ...call, helper: call.helper }] : [];
        }
        case 'BlockStatement': {
          const block = node as hbs.AST.BlockStatement;
          const name = (block.path as hbs.AST.PathExpression).original;
          const call = helperCall(name, block.params);
          const then = visit(block.program?.body ?? []);
          const otherwise = visit(block.inverse?.body ?? []);
          if (!call || call.helper) {
            if (call?.helper) {
              problems.push(
                source.problemAtToken(
                  pointer,
                  name,
                  `{{#${name}}} is not a block (a block is {{#if field}} or {{#unless field}})`,
                ),
              );
            }
            return [];
          }
          return [
            {
              kind: 'block',
              helper: name as UtteranceBlockHelper,
              path: call.path,
              then,
              otherwise,
            },
          ];
        }
        case 'ContentStatement':
          return [{ kind: 'text', text: (node as hbs.AST.ContentStatement).value }];
        case 'CommentStatement':
          return [];
      }
      problems.push(
        source.problem(
          pointer,
          `the template uses ${node.type}, which utterances do not support (text, {{field}}, {{helper field}}, {{#if field}}…{{/if}})`,
        ),
      );
      return [];
    });
  const parts = visit(program.body);
  if (problems.length === 0) {
    // The check the templates get in Handlebars itself (on the tree parsed above), so a template
    // that passes here also compiles for anyone rendering it with Handlebars (the benchmark's
    // reference renderer).
    try {
      Handlebars.precompile(program, utteranceCompileOptions);
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
  return { parts, references, problems };
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
    if (!reference.helper || !isUtteranceHelper(reference.helper)) continue;
    if (!utteranceHelpers[reference.helper].spokenWords) continue;
    const spokenField = spokenEnum(fieldAt(payload, reference.path));
    if (!spokenField) continue;
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

/** The enum whose words a helper with spokenWords speaks: the field's own, or its items'. */
export function spokenEnum(field: Field | undefined): EnumField | undefined {
  const spoken = field?.kind === 'array' ? field.items : field;
  return spoken?.kind === 'enum' ? spoken : undefined;
}
