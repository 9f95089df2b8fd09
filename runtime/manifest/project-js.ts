/**
 * A Jovo v3 project.js parsed without running it: acorn's ESTree, its comments, and the object
 * literals it exports as the config. Shared by `doctor` (which reads the manifest) and
 * `manifest --write` (which edits it); acorn is a small run-time dependency, so neither needs the
 * TypeScript compiler.
 */
import { parse, type Comment, type Expression, type Node, type Program } from 'acorn';
import { ProactiveEventsError } from '../errors.js';

/** A parsed project.js: the tree, the comments acorn found, and the text positions refer to. */
export interface ProjectJsDocument {
  readonly text: string;
  readonly program: Program;
  readonly comments: readonly Comment[];
}

/** A project.js that is not valid JavaScript, with acorn's reason and the 1-based position. */
export class ProjectJsSyntaxError extends ProactiveEventsError {
  constructor(
    readonly reason: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(`not valid JavaScript: ${reason}`);
  }
}

/** Parses as an ES module, else as a CommonJS script (which may use what modules forbid). */
export function parseProjectJs(text: string): ProjectJsDocument {
  const attempt = (sourceType: 'module' | 'script') => {
    const comments: Comment[] = [];
    const program = parse(text, {
      ecmaVersion: 'latest',
      sourceType,
      locations: true,
      allowReturnOutsideFunction: sourceType === 'script',
      allowHashBang: true,
      onComment: comments,
    });
    return { text, program, comments };
  };
  try {
    return attempt('module');
  } catch {
    try {
      return attempt('script');
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : '';
      const loc = (error as { loc?: { line: number; column: number } } | null)?.loc;
      throw new ProjectJsSyntaxError(
        message,
        loc?.line,
        loc === undefined ? undefined : loc.column + 1,
      );
    }
  }
}

/** Every `module.exports = …` and `export default …` value of the file, in order. */
export function exportedConfigs(program: Program): Expression[] {
  const candidates: Expression[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      candidates.push(statement.declaration as Expression);
    } else if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression' &&
      statement.expression.operator === '=' &&
      isModuleExports(statement.expression.left)
    ) {
      candidates.push(statement.expression.right);
    }
  }
  return candidates;
}

/** The name of a property key: an identifier, or a string or number literal; undefined if computed. */
export function keyName(key: Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return (key as unknown as { name: string }).name;
  if (key.type === 'Literal') {
    const value = (key as unknown as { value: unknown }).value;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  if (key.type === 'TemplateLiteral') {
    const template = key as unknown as {
      expressions: unknown[];
      quasis: { value: { cooked?: string | null } }[];
    };
    if (template.expressions.length === 0) return template.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `line:column` (1-based) of a node, for messages. */
export function positionOf(node: Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

function isModuleExports(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const member = node as unknown as { object: Node; property: Node; computed: boolean };
  return (
    member.object.type === 'Identifier' &&
    (member.object as unknown as { name: string }).name === 'module' &&
    keyName(member.property, member.computed) === 'exports'
  );
}
