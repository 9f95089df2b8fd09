/**
 * Reads `alexaSkill.manifest` out of a Jovo v3 project.js without running it. The file is parsed with
 * acorn (a small runtime dependency: the installed CLI has no TypeScript compiler) and the literal
 * parts of the config are turned into plain values; whatever cannot be known without running the file
 * (a variable, a require(), a spread, a function call) becomes an {@link Opaque} that says where it is,
 * so a check can say "cannot be read" instead of guessing "missing".
 */
import type {
  ArrayExpression,
  Expression,
  Node,
  ObjectExpression,
  Program,
  SpreadElement,
} from 'acorn';
import {
  exportedConfigs,
  keyName,
  parseProjectJs,
  ProjectJsSyntaxError,
} from '../manifest/project-js.js';
import { ProactiveEventsError } from '../errors.js';

/**
 * Under this key, an object read from the file keeps the spreads and computed keys it contains:
 * any of them may add a member, so a member that seems absent may still be there.
 */
export const hiddenMembers = Symbol('hiddenMembers');

/** A value the file computes at run time. */
export class Opaque {
  constructor(
    /** `line:column` of the expression. */
    readonly at: string,
    /** Its source text, shortened, for messages. */
    readonly excerpt: string,
  ) {}
}

/** What a project.js declares for the Alexa skill, as far as it can be read statically. */
export interface ProjectJsManifest {
  /** `alexaSkill.manifest`, undefined when the config has none, an Opaque when it is computed. */
  readonly manifest: unknown;
  /** Names of `stages.<name>` that define their own alexaSkill (Jovo merges them over the top level). */
  readonly stagesWithAlexaSkill: readonly string[];
}

export class ProjectJsError extends ProactiveEventsError {
  override name = 'ProjectJsError';
}

export async function readProjectJs(text: string, file: string): Promise<ProjectJsManifest> {
  let program: Program;
  try {
    ({ program } = parseProjectJs(text));
  } catch (error) {
    if (!(error instanceof ProjectJsSyntaxError)) throw error;
    const at = error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`;
    throw new ProjectJsError(`${file}${at}: ${error.message}`);
  }
  const config = configObject(program, file);
  const value = new StaticReader(text);
  const alexaSkill = value.member(config, 'alexaSkill');
  const manifest =
    alexaSkill === undefined || alexaSkill instanceof Opaque
      ? alexaSkill
      : value.member(alexaSkill, 'manifest');
  const stagesWithAlexaSkill: string[] = [];
  const stages = value.member(config, 'stages');
  if (stages !== undefined && !(stages instanceof Opaque)) {
    for (const property of stages.properties) {
      if (property.type !== 'Property' || property.value.type !== 'ObjectExpression') continue;
      const name = keyName(property.key, property.computed);
      if (name !== undefined && value.member(property.value, 'alexaSkill') !== undefined) {
        stagesWithAlexaSkill.push(name);
      }
    }
  }
  return {
    manifest:
      manifest === undefined || manifest instanceof Opaque ? manifest : value.plain(manifest),
    stagesWithAlexaSkill,
  };
}

/** The object of `module.exports = { … }` or `export default { … }` (the last, as Node keeps it). */
function configObject(program: Program, file: string): ObjectExpression {
  const candidates = exportedConfigs(program);
  const config = candidates.at(-1);
  if (config === undefined) {
    throw new ProjectJsError(
      `${file}: found neither \`module.exports = { … }\` nor \`export default { … }\` (a Jovo v3 project.js has one)`,
    );
  }
  if (config.type !== 'ObjectExpression') {
    throw new ProjectJsError(
      `${file}:${position(config)}: the exported config is not an object literal, so it cannot be read without running it`,
    );
  }
  return config;
}

function position(node: Node): string {
  return node.loc === undefined || node.loc === null
    ? '?'
    : `${node.loc.start.line}:${node.loc.start.column + 1}`;
}

class StaticReader {
  constructor(private readonly text: string) {}

  /**
   * The object literal under `key` (the last one, as JavaScript keeps the last), an Opaque when its
   * value (or a spread that may hold it) cannot be read, undefined when it is certainly absent.
   */
  member(object: ObjectExpression, key: string): ObjectExpression | Opaque | undefined {
    for (const property of [...object.properties].reverse()) {
      if (property.type === 'SpreadElement') return this.opaque(property);
      const name = keyName(property.key, property.computed);
      if (name === undefined) return this.opaque(property);
      if (name !== key) continue;
      if (property.kind !== 'init' || property.method) return this.opaque(property);
      return property.value.type === 'ObjectExpression'
        ? property.value
        : this.opaque(property.value);
    }
    return undefined;
  }

  /** A literal turned into plain data; computed parts become Opaque values. */
  plain(node: Expression | SpreadElement): unknown {
    switch (node.type) {
      case 'Literal':
        return node.value instanceof RegExp || typeof node.value === 'bigint'
          ? this.opaque(node)
          : node.value;
      case 'TemplateLiteral':
        return node.expressions.length === 0
          ? (node.quasis[0]?.value.cooked ?? '')
          : this.opaque(node);
      case 'ArrayExpression':
        return this.array(node);
      case 'ObjectExpression':
        return this.object(node);
      case 'UnaryExpression':
        if (
          node.operator === '-' &&
          node.argument.type === 'Literal' &&
          typeof node.argument.value === 'number'
        ) {
          return -node.argument.value;
        }
        return this.opaque(node);
      default:
        return this.opaque(node);
    }
  }

  private array(node: ArrayExpression): unknown[] {
    return node.elements.map((element) => (element === null ? null : this.plain(element)));
  }

  private object(node: ObjectExpression): Record<string, unknown> {
    const result: Record<string | symbol, unknown> = {};
    const hidden: Opaque[] = [];
    for (const property of node.properties) {
      const name =
        property.type === 'Property' ? keyName(property.key, property.computed) : undefined;
      if (property.type === 'SpreadElement' || name === undefined) {
        hidden.push(this.opaque(property));
        continue;
      }
      result[name] =
        property.kind === 'init' && !property.method
          ? this.plain(property.value)
          : this.opaque(property);
    }
    if (hidden.length > 0) result[hiddenMembers] = hidden;
    return result;
  }

  private opaque(node: Node): Opaque {
    const source = this.text.slice(node.start, node.end).split('\n')[0]!.trim();
    return new Opaque(position(node), source.length > 40 ? `${source.slice(0, 39)}…` : source);
  }
}
