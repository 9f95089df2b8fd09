/**
 * Merges the manifest block into a Jovo v3 project.js (`module.exports = { … }` or
 * `export default { … }`), at `alexaSkill.manifest`. The file is parsed with acorn (a run-time
 * dependency, so the installed CLI needs no TypeScript compiler) and edited only where the block
 * needs it: other keys, comments and formatting stay as they were.
 */
import type { ArrayExpression, Node } from 'acorn';
import type { JsStyle } from '../../runtime/manifest/js-literal.js';
import {
  parseProjectJs,
  ProjectJsSyntaxError,
  type ProjectJsDocument,
} from '../../runtime/manifest/project-js.js';
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
  precedingEnd,
  property,
  rewriteArray,
  type Edit,
  type NewMember,
} from './project-js/edits.js';
import {
  checkSingleAlexaSkill,
  configObject,
  memberOf,
  propertyName,
  stringsIn,
  type Container,
} from './project-js/locate.js';
import { descendants, endLine, hasTrailingComma, startLine } from './project-js/tree.js';
import { detectEol, detectIndentUnit } from './text-style.js';

export function patchProjectJs(text: string, file: string, request: PatchRequest): PatchResult {
  const doc = parse(text, file);
  const style = detectStyle(doc);
  const config = configObject(doc, file);
  checkSingleAlexaSkill(doc, config, file);
  const { fragment } = request;
  const publications = fragment.events.publications.map((entry) => entry.eventName);

  const edits: Edit[] = [];
  const alexaSkill = memberOf(doc, config, 'alexaSkill', 'object', 'alexaSkill', file);
  if (!alexaSkill) {
    edits.push(
      ...appendMembers(doc, config, [property('alexaSkill', { manifest: fragment }, style)], style),
    );
    return {
      text: applyEdits(text, edits),
      notes: [endpointNote(file, 'alexaSkill.manifest.events')],
    };
  }
  const manifest = memberOf(doc, alexaSkill, 'manifest', 'object', 'alexaSkill.manifest', file);
  if (!manifest) {
    edits.push(...appendMembers(doc, alexaSkill, [property('manifest', fragment, style)], style));
    return {
      text: applyEdits(text, edits),
      notes: [endpointNote(file, 'alexaSkill.manifest.events')],
    };
  }

  const missing: NewMember[] = [];
  const permissions = memberOf(
    doc,
    manifest,
    'permissions',
    'array',
    'alexaSkill.manifest.permissions',
    file,
  );
  if (permissions) {
    const names = stringsIn(doc, permissions, 'name', 'alexaSkill.manifest.permissions', file);
    const absent = fragment.permissions.filter((entry) => !names.includes(entry.name));
    if (absent.length > 0)
      edits.push(
        ...appendMembers(
          doc,
          permissions,
          absent.map((entry) => element(entry, style)),
          style,
        ),
      );
  } else {
    missing.push(property('permissions', fragment.permissions, style));
  }

  const events = memberOf(doc, manifest, 'events', 'object', 'alexaSkill.manifest.events', file);
  let hasEndpoint = false;
  if (events) {
    hasEndpoint = events.properties.some(
      (member) => member.type === 'Property' && propertyName(member) === 'endpoint',
    );
    const path = 'alexaSkill.manifest.events';
    const eventMembers: NewMember[] = [];
    const published = memberOf(doc, events, 'publications', 'array', `${path}.publications`, file);
    if (published)
      edits.push(...mergePublications(doc, published, publications, request.catalog, style, file));
    else eventMembers.push(property('publications', fragment.events.publications, style));
    const subscriptions = memberOf(
      doc,
      events,
      'subscriptions',
      'array',
      `${path}.subscriptions`,
      file,
    );
    if (subscriptions) {
      const names = stringsIn(doc, subscriptions, 'eventName', `${path}.subscriptions`, file);
      const absent = fragment.events.subscriptions.filter(
        (entry) => !names.includes(entry.eventName),
      );
      if (absent.length > 0)
        edits.push(
          ...appendMembers(
            doc,
            subscriptions,
            absent.map((entry) => element(entry, style)),
            style,
          ),
        );
    } else {
      eventMembers.push(property('subscriptions', fragment.events.subscriptions, style));
    }
    if (eventMembers.length > 0) edits.push(...appendMembers(doc, events, eventMembers, style));
  } else {
    missing.push(property('events', fragment.events, style));
  }
  if (missing.length > 0) edits.push(...appendMembers(doc, manifest, missing, style));

  const notes = hasEndpoint ? [] : [endpointNote(file, 'alexaSkill.manifest.events')];
  return { text: applyEdits(text, edits), notes };
}

/** Inserts the missing publications where the catalog order puts them; rewrites the array only if its order must change. */
function mergePublications(
  doc: ProjectJsDocument,
  array: ArrayExpression,
  requested: readonly string[],
  catalog: readonly string[],
  style: JsStyle,
  file: string,
): Edit[] {
  const path = 'alexaSkill.manifest.events.publications';
  const existing = stringsIn(doc, array, 'eventName', path, file);
  const target = mergeEventNames(existing, requested, catalog);
  if (target.length === existing.length && target.every((name, index) => existing[index] === name))
    return [];
  const elements = array.elements as Node[];
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
      const anchor = elements[at]!;
      const edit = insertBefore(
        doc,
        anchor,
        precedingEnd(array, anchor),
        names.map(newMember),
        style,
      );
      if (edit) edits.push(edit);
      else possible = false;
    }
    if (possible) {
      if (atEnd.length > 0) edits.push(...appendMembers(doc, array, atEnd.map(newMember), style));
      return edits;
    }
  }
  const firstOf = (name: string) => elements[existing.indexOf(name)];
  return [
    rewriteArray(
      doc,
      array,
      target.map((name) => firstOf(name) ?? newMember(name)),
      style,
    ),
  ];
}

function parse(text: string, file: string): ProjectJsDocument {
  try {
    return parseProjectJs(text);
  } catch (error) {
    if (!(error instanceof ProjectJsSyntaxError)) throw error;
    const position =
      error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
    throw new ManifestPatchError(file, error.message, position);
  }
}

/** The file's indentation, quotes, trailing commas and line endings. */
function detectStyle(doc: ProjectJsDocument): JsStyle {
  let single = 0;
  let double = 0;
  let withComma = 0;
  let withoutComma = 0;
  for (const { node } of descendants(doc.program)) {
    if (node.type === 'Literal') {
      const raw = (node as unknown as { raw?: string }).raw ?? '';
      if (raw.startsWith("'")) single++;
      else if (raw.startsWith('"')) double++;
      continue;
    }
    if (node.type !== 'ObjectExpression' && node.type !== 'ArrayExpression') continue;
    const container = node as Container;
    if (startLine(container) === endLine(container)) continue;
    const members =
      container.type === 'ObjectExpression' ? container.properties : container.elements;
    if (members.length === 0) continue;
    if (hasTrailingComma(doc, container)) withComma++;
    else withoutComma++;
  }
  return {
    indent: detectIndentUnit(doc.text),
    quote: double > single ? '"' : "'",
    trailingComma: withComma >= withoutComma,
    eol: detectEol(doc.text),
  };
}
