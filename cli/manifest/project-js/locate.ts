/**
 * Finds the config object of a Jovo project.js and walks down to alexaSkill.manifest, refusing
 * anything it cannot follow with certainty: a second candidate, a spread or variable that might
 * hold the key, a value that is not a literal.
 */
import {
  Node,
  SyntaxKind,
  type ArrayLiteralExpression,
  type ObjectLiteralExpression,
  type SourceFile,
} from 'ts-morph';
import { ManifestPatchError } from '../errors.js';

export type Container = ObjectLiteralExpression | ArrayLiteralExpression;

/** Throws a ManifestPatchError at `node`'s position. */
export function refuse(file: string, node: Node, reason: string): never {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart());
  throw new ManifestPatchError(file, reason, { line, column });
}

/** The object of `module.exports = { … }` or `export default { … }`: exactly one of them. */
export function configObject(source: SourceFile, file: string): ObjectLiteralExpression {
  const candidates: Node[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isExportAssignment(statement) && !statement.isExportEquals()) {
      candidates.push(statement.getExpression());
    } else if (Node.isExpressionStatement(statement)) {
      const expression = statement.getExpression();
      if (
        Node.isBinaryExpression(expression) &&
        expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken &&
        expression.getLeft().getText().replace(/\s/g, '') === 'module.exports'
      ) {
        candidates.push(expression.getRight());
      }
    }
  }
  if (candidates.length === 0) {
    throw new ManifestPatchError(
      file,
      'found neither `module.exports = { … }` nor `export default { … }` (a Jovo v3 project.js has one)',
    );
  }
  if (candidates.length > 1) {
    const lines = candidates.map((node) => node.getStartLineNumber()).join(', ');
    refuse(
      file,
      candidates[1]!,
      `the config is exported ${candidates.length} times (lines ${lines}): cannot tell which to update`,
    );
  }
  const config = candidates[0]!;
  if (!Node.isObjectLiteralExpression(config)) {
    refuse(
      file,
      config,
      `the exported config is not an object literal but \`${excerpt(config)}\`; cannot follow it`,
    );
  }
  return config;
}

/**
 * Every `alexaSkill` key in the file must be the one directly in the config: a second one (in
 * `stages`, say) would leave the manifest in two places.
 */
export function checkSingleAlexaSkill(
  source: SourceFile,
  config: ObjectLiteralExpression,
  file: string,
): void {
  const all = source
    .getDescendants()
    .filter(
      (node) =>
        (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node)) &&
        propertyName(node) === 'alexaSkill',
    );
  const outside = all.filter((node) => node.getParent() !== config);
  if (outside.length === 0 && all.length <= 1) return;
  const lines = all.map((node) => node.getStartLineNumber()).join(', ');
  refuse(
    file,
    outside[0] ?? all[1]!,
    `alexaSkill is defined ${all.length} times (lines ${lines}): cannot tell which manifest to update; add the block by hand (see \`proactive-events manifest --format jovo\`)`,
  );
}

/**
 * The value of `key` in `object`, which must be a literal of the expected kind; undefined when
 * the key is absent and nothing (a spread) could be hiding it.
 */
export function memberOf(
  object: ObjectLiteralExpression,
  key: string,
  kind: 'object',
  path: string,
  file: string,
): ObjectLiteralExpression | undefined;
export function memberOf(
  object: ObjectLiteralExpression,
  key: string,
  kind: 'array',
  path: string,
  file: string,
): ArrayLiteralExpression | undefined;
export function memberOf(
  object: ObjectLiteralExpression,
  key: string,
  kind: 'object' | 'array',
  path: string,
  file: string,
): Container | undefined {
  const properties = object.getProperties();
  const matches = properties.filter((property) => propertyName(property) === key);
  if (matches.length > 1) {
    const lines = matches.map((node) => node.getStartLineNumber()).join(', ');
    refuse(
      file,
      matches[1]!,
      `${path} is defined ${matches.length} times (lines ${lines}): cannot tell which to update`,
    );
  }
  const match = matches[0];
  if (!match) {
    const spread = properties.find((property) => Node.isSpreadAssignment(property));
    if (spread) {
      refuse(
        file,
        spread,
        `${path} may come from \`${excerpt(spread)}\`, which cannot be followed; write ${path} out in the file`,
      );
    }
    return undefined;
  }
  const value = Node.isPropertyAssignment(match) ? match.getInitializer() : undefined;
  if (kind === 'object' && Node.isObjectLiteralExpression(value)) return value;
  if (kind === 'array' && Node.isArrayLiteralExpression(value)) return value;
  const expected = kind === 'object' ? 'an object literal { … }' : 'an array literal [ … ]';
  refuse(
    file,
    value ?? match,
    `${path} is not ${expected} but \`${excerpt(value ?? match)}\`; cannot follow it`,
  );
}

/**
 * The string values of `key` in the array's elements, which must all be `{ key: 'literal' }`:
 * anything else could hold a value we cannot see.
 */
export function stringsIn(
  array: ArrayLiteralExpression,
  key: string,
  path: string,
  file: string,
): string[] {
  return array.getElements().map((element, index) => {
    const where = `${path}[${index}]`;
    if (!Node.isObjectLiteralExpression(element))
      refuse(
        file,
        element,
        `${where} is not an object literal but \`${excerpt(element)}\`; cannot tell what it declares`,
      );
    const property = element.getProperties().find((candidate) => propertyName(candidate) === key);
    const value =
      property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    if (!Node.isStringLiteral(value) && !Node.isNoSubstitutionTemplateLiteral(value))
      refuse(
        file,
        element,
        `${where}.${key} is not a string literal; cannot tell what it declares`,
      );
    return value.getLiteralText();
  });
}

/** The name of a property, whether written as an identifier or a string; undefined if computed. */
export function propertyName(node: Node): string | undefined {
  if (
    Node.isPropertyAssignment(node) ||
    Node.isShorthandPropertyAssignment(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isGetAccessorDeclaration(node)
  ) {
    const name = node.getNameNode();
    if (Node.isIdentifier(name)) return name.getText();
    if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name))
      return name.getLiteralText();
  }
  return undefined;
}

/** The first line of a node's text, shortened, for messages. */
function excerpt(node: Node): string {
  const text = node.getText().split('\n')[0]!;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
