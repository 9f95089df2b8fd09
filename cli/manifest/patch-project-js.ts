/**
 * Merges the manifest block into a Jovo v3 project.js (`module.exports = { … }` or
 * `export default { … }`), at `alexaSkill.manifest`. The file is parsed with ts-morph and edited
 * only where the block needs it: other keys, comments and formatting stay as they were.
 * Imported lazily by the CLI: ts-morph is a generation-time tool.
 */
import { basename } from 'node:path';
import {
  Node,
  Project,
  SyntaxKind,
  ts,
  type ArrayLiteralExpression,
  type SourceFile,
} from 'ts-morph';
import type { JsStyle } from '../../runtime/manifest/js-literal.js';
import { ManifestPatchError } from './errors.js';
import {
  endpointNote,
  isInOrder,
  mergeEventNames,
  type PatchRequest,
  type PatchResult,
} from './merge.js';
import {
  appendMembers,
  applyEdits,
  element,
  insertBefore,
  property,
  rewriteArray,
  type Edit,
  type NewMember,
} from './project-js/edits.js';
import { checkSingleAlexaSkill, configObject, memberOf, stringsIn } from './project-js/locate.js';
import { detectEol, detectIndentUnit } from './text-style.js';

export function patchProjectJs(text: string, file: string, request: PatchRequest): PatchResult {
  const source = parse(text, file);
  const style = detectStyle(source, text);
  const config = configObject(source, file);
  checkSingleAlexaSkill(source, config, file);
  const { fragment } = request;
  const publications = fragment.events.publications.map((entry) => entry.eventName);

  const edits: Edit[] = [];
  const alexaSkill = memberOf(config, 'alexaSkill', 'object', 'alexaSkill', file);
  if (!alexaSkill) {
    edits.push(
      ...appendMembers(config, [property('alexaSkill', { manifest: fragment }, style)], style),
    );
    return {
      text: applyEdits(text, edits),
      notes: [endpointNote(file, 'alexaSkill.manifest.events')],
    };
  }
  const manifest = memberOf(alexaSkill, 'manifest', 'object', 'alexaSkill.manifest', file);
  if (!manifest) {
    edits.push(...appendMembers(alexaSkill, [property('manifest', fragment, style)], style));
    return {
      text: applyEdits(text, edits),
      notes: [endpointNote(file, 'alexaSkill.manifest.events')],
    };
  }

  const missing: NewMember[] = [];
  const permissions = memberOf(
    manifest,
    'permissions',
    'array',
    'alexaSkill.manifest.permissions',
    file,
  );
  if (permissions) {
    const names = stringsIn(permissions, 'name', 'alexaSkill.manifest.permissions', file);
    const absent = fragment.permissions.filter((entry) => !names.includes(entry.name));
    if (absent.length > 0)
      edits.push(
        ...appendMembers(
          permissions,
          absent.map((entry) => element(entry, style)),
          style,
        ),
      );
  } else {
    missing.push(property('permissions', fragment.permissions, style));
  }

  const events = memberOf(manifest, 'events', 'object', 'alexaSkill.manifest.events', file);
  let hasEndpoint = false;
  if (events) {
    hasEndpoint = events.getProperty('endpoint') !== undefined;
    const path = 'alexaSkill.manifest.events';
    const eventMembers: NewMember[] = [];
    const published = memberOf(events, 'publications', 'array', `${path}.publications`, file);
    if (published)
      edits.push(...mergePublications(published, publications, request.catalog, style, file));
    else eventMembers.push(property('publications', fragment.events.publications, style));
    const subscriptions = memberOf(events, 'subscriptions', 'array', `${path}.subscriptions`, file);
    if (subscriptions) {
      const names = stringsIn(subscriptions, 'eventName', `${path}.subscriptions`, file);
      const absent = fragment.events.subscriptions.filter(
        (entry) => !names.includes(entry.eventName),
      );
      if (absent.length > 0)
        edits.push(
          ...appendMembers(
            subscriptions,
            absent.map((entry) => element(entry, style)),
            style,
          ),
        );
    } else {
      eventMembers.push(property('subscriptions', fragment.events.subscriptions, style));
    }
    if (eventMembers.length > 0) edits.push(...appendMembers(events, eventMembers, style));
  } else {
    missing.push(property('events', fragment.events, style));
  }
  if (missing.length > 0) edits.push(...appendMembers(manifest, missing, style));

  const notes = hasEndpoint ? [] : [endpointNote(file, 'alexaSkill.manifest.events')];
  return { text: applyEdits(text, edits), notes };
}

/** Inserts the missing publications where the catalog order puts them; rewrites the array only if its order must change. */
function mergePublications(
  array: ArrayLiteralExpression,
  requested: readonly string[],
  catalog: readonly string[],
  style: JsStyle,
  file: string,
): Edit[] {
  const path = 'alexaSkill.manifest.events.publications';
  const existing = stringsIn(array, 'eventName', path, file);
  const target = mergeEventNames(existing, requested, catalog);
  if (target.length === existing.length && target.every((name, index) => existing[index] === name))
    return [];
  const elements = array.getElements();
  const newMember = (name: string) => element({ eventName: name }, style);
  if (new Set(existing).size === existing.length && isInOrder(existing, target)) {
    const edits: Edit[] = [];
    const before = new Map<number, string[]>();
    const atEnd: string[] = [];
    target.forEach((name, index) => {
      if (existing.includes(name)) return;
      const next = target.slice(index + 1).find((later) => existing.includes(later));
      if (next === undefined) atEnd.push(name);
      else {
        const at = existing.indexOf(next);
        before.set(at, [...(before.get(at) ?? []), name]);
      }
    });
    let possible = true;
    for (const [at, names] of before) {
      const edit = insertBefore(elements[at]!, names.map(newMember), style);
      if (edit) edits.push(edit);
      else possible = false;
    }
    if (possible) {
      if (atEnd.length > 0) edits.push(...appendMembers(array, atEnd.map(newMember), style));
      return edits;
    }
  }
  const firstOf = (name: string) => elements[existing.indexOf(name)];
  return [
    rewriteArray(
      array,
      target.map((name) => firstOf(name) ?? newMember(name)),
      style,
    ),
  ];
}

function parse(text: string, file: string): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, checkJs: false, noEmit: true },
  });
  const name = /\.[cm]?js$/.test(file) ? basename(file) : 'project.js';
  const source = project.createSourceFile(`/${name}`, text, { scriptKind: ts.ScriptKind.JS });
  const [problem] = project
    .getProgram()
    .compilerObject.getSyntacticDiagnostics(source.compilerNode);
  if (problem) {
    const { line, column } = source.getLineAndColumnAtPos(problem.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(problem.messageText, ' ');
    throw new ManifestPatchError(file, `not valid JavaScript: ${message}`, { line, column });
  }
  return source;
}

/** The file's indentation, quotes, trailing commas and line endings. */
function detectStyle(source: SourceFile, text: string): JsStyle {
  let single = 0;
  let double = 0;
  for (const literal of source.getDescendantsOfKind(SyntaxKind.StringLiteral)) {
    if (literal.getText().startsWith("'")) single++;
    else double++;
  }
  let withComma = 0;
  let withoutComma = 0;
  for (const node of source.getDescendants()) {
    if (!Node.isObjectLiteralExpression(node) && !Node.isArrayLiteralExpression(node)) continue;
    if (node.getStartLineNumber() === node.getEndLineNumber()) continue;
    const list = Node.isObjectLiteralExpression(node)
      ? node.compilerNode.properties
      : (node as ArrayLiteralExpression).compilerNode.elements;
    if (list.length === 0) continue;
    if (list.hasTrailingComma) withComma++;
    else withoutComma++;
  }
  return {
    indent: detectIndentUnit(text),
    quote: double > single ? '"' : "'",
    trailingComma: withComma >= withoutComma,
    eol: detectEol(text),
  };
}
