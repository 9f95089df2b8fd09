/**
 * Finds the config object of a Jovo project.js and walks down to alexaSkill.manifest, refusing
 * anything it cannot follow with certainty: a second candidate, a spread or variable that might
 * hold the key, a value that is not a literal.
 */
import type { ArrayExpression, Node, ObjectExpression, Property } from 'acorn';
import {
  exportedConfigs,
  keyName,
  positionOf,
  type ProjectJsDocument,
} from '../../../runtime/manifest/project-js.js';
import { ManifestPatchError } from '../errors.js';
import { descendants, startLine, textOf, type Container } from './tree.js';

export type { Container };

/** Throws a ManifestPatchError at `node`'s position. */
export function refuse(file: string, node: Node, reason: string): never {
  throw new ManifestPatchError(file, reason, positionOf(node));
}

/** The object of `module.exports = { … }` or `export default { … }`: exactly one of them. */
export function configObject(doc: ProjectJsDocument, file: string): ObjectExpression {
  const candidates = exportedConfigs(doc.program);
  if (candidates.length === 0) {
    throw new ManifestPatchError(
      file,
      'found neither `module.exports = { … }` nor `export default { … }` (a Jovo v3 project.js has one)',
    );
  }
  if (candidates.length > 1) {
    const lines = candidates.map(startLine).join(', ');
    refuse(
      file,
      candidates[1]!,
      `the config is exported ${candidates.length} times (lines ${lines}): cannot tell which to update`,
    );
  }
  const config = candidates[0]!;
  if (config.type !== 'ObjectExpression') {
    refuse(
      file,
      config,
      `the exported config is not an object literal but \`${excerpt(doc, config)}\`; cannot follow it`,
    );
  }
  return config;
}

/**
 * Every `alexaSkill` key in the file must be the one directly in the config: a second one (in
 * `stages`, say) would leave the manifest in two places.
 */
export function checkSingleAlexaSkill(
  doc: ProjectJsDocument,
  config: ObjectExpression,
  file: string,
): void {
  const all: { node: Node; parent: Node | undefined }[] = [];
  for (const entry of descendants(doc.program)) {
    const { node } = entry;
    if (node.type === 'Property' && isValueProperty(node as Property)) {
      if (propertyName(node as Property) === 'alexaSkill') all.push(entry);
    }
  }
  const outside = all.filter((entry) => entry.parent !== config);
  if (outside.length === 0 && all.length <= 1) return;
  const lines = all.map((entry) => startLine(entry.node)).join(', ');
  refuse(
    file,
    (outside[0] ?? all[1]!).node,
    `alexaSkill is defined ${all.length} times (lines ${lines}): cannot tell which manifest to update; add the block by hand (see \`proactive-events manifest --format jovo\`)`,
  );
}

/**
 * The value of `key` in `object`, which must be a literal of the expected kind; undefined when
 * the key is absent and nothing (a spread) could be hiding it.
 */
export function memberOf(
  doc: ProjectJsDocument,
  object: ObjectExpression,
  key: string,
  kind: 'object',
  path: string,
  file: string,
): ObjectExpression | undefined;
export function memberOf(
  doc: ProjectJsDocument,
  object: ObjectExpression,
  key: string,
  kind: 'array',
  path: string,
  file: string,
): ArrayExpression | undefined;
export function memberOf(
  doc: ProjectJsDocument,
  object: ObjectExpression,
  key: string,
  kind: 'object' | 'array',
  path: string,
  file: string,
): Container | undefined {
  const properties = object.properties;
  const matches = properties.filter(
    (property): property is Property =>
      property.type === 'Property' && propertyName(property) === key,
  );
  if (matches.length > 1) {
    const lines = matches.map(startLine).join(', ');
    refuse(
      file,
      matches[1]!,
      `${path} is defined ${matches.length} times (lines ${lines}): cannot tell which to update`,
    );
  }
  const match = matches[0];
  if (!match) {
    const spread = properties.find((property) => property.type === 'SpreadElement');
    if (spread) {
      refuse(
        file,
        spread,
        `${path} may come from \`${excerpt(doc, spread)}\`, which cannot be followed; write ${path} out in the file`,
      );
    }
    return undefined;
  }
  // `{ key }` and methods hold no literal to edit.
  const value =
    match.kind === 'init' && !match.method && !match.shorthand ? match.value : undefined;
  if (kind === 'object' && value?.type === 'ObjectExpression') return value;
  if (kind === 'array' && value?.type === 'ArrayExpression') return value;
  const expected = kind === 'object' ? 'an object literal { … }' : 'an array literal [ … ]';
  refuse(
    file,
    value ?? match,
    `${path} is not ${expected} but \`${excerpt(doc, value ?? match)}\`; cannot follow it`,
  );
}

/**
 * The string values of `key` in the array's elements, which must all be `{ key: 'literal' }`:
 * anything else could hold a value we cannot see.
 */
export function stringsIn(
  doc: ProjectJsDocument,
  array: ArrayExpression,
  key: string,
  path: string,
  file: string,
): string[] {
  return array.elements.map((element, index) => {
    const where = `${path}[${index}]`;
    if (element === null)
      refuse(file, array, `${where} is an empty slot; cannot tell what it declares`);
    if (element.type !== 'ObjectExpression')
      refuse(
        file,
        element,
        `${where} is not an object literal but \`${excerpt(doc, element)}\`; cannot tell what it declares`,
      );
    const property = element.properties.find(
      (candidate): candidate is Property =>
        candidate.type === 'Property' && propertyName(candidate) === key,
    );
    const text =
      property && property.kind === 'init' && !property.method && !property.shorthand
        ? stringValue(property.value)
        : undefined;
    if (text === undefined)
      refuse(
        file,
        element,
        `${where}.${key} is not a string literal; cannot tell what it declares`,
      );
    return text;
  });
}

/** The name of a property, whether written as an identifier or a string; undefined if computed. */
export function propertyName(property: Property): string | undefined {
  if (property.kind === 'set') return undefined;
  const name = keyName(property.key, property.computed);
  // Numeric keys never name a manifest member.
  return property.key.type === 'Literal' && typeof property.key.value === 'number'
    ? undefined
    : name;
}

/** A plain `key: value` or `{ key }` member, as opposed to a method or accessor. */
function isValueProperty(property: Property): boolean {
  return property.kind === 'init' && !property.method;
}

/** The value of a string literal or a template without substitutions. */
function stringValue(node: Node): string | undefined {
  if (node.type === 'Literal') {
    const value = (node as unknown as { value: unknown }).value;
    return typeof value === 'string' ? value : undefined;
  }
  if (node.type === 'TemplateLiteral') {
    const template = node as unknown as {
      expressions: unknown[];
      quasis: { value: { cooked?: string | null } }[];
    };
    return template.expressions.length === 0
      ? (template.quasis[0]?.value.cooked ?? undefined)
      : undefined;
  }
  return undefined;
}

/** The first line of a node's text, shortened, for messages. */
function excerpt(doc: ProjectJsDocument, node: Node): string {
  const text = textOf(doc, node).split('\n')[0]!;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
