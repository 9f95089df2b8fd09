/**
 * Merges the manifest block into an ASK CLI skill-package/skill.json: parse, merge, and write
 * it back with its key order, indentation, line endings and final newline. A file whose data
 * does not change is returned byte for byte.
 */
import { isDeepStrictEqual } from 'node:util';
import { ManifestPatchError } from './errors.js';
import { endpointNote, mergeEventNames, type PatchRequest, type PatchResult } from './merge.js';
import { lineColumn } from '../json-position.js';
import { detectEol } from './text-style.js';

type JsonObject = Record<string, unknown>;

export function patchSkillJson(text: string, file: string, request: PatchRequest): PatchResult {
  const data = parseJson(text, file);
  if (!isObject(data) || !isObject(data.manifest)) {
    throw new ManifestPatchError(
      file,
      'no "manifest" object at the top level (an ASK CLI skill-package/skill.json has one)',
    );
  }
  const original = structuredClone(data);
  const manifest = data.manifest;
  const { fragment } = request;

  const permissions = arrayAt(manifest, 'permissions', '/manifest/permissions', file);
  for (const wanted of fragment.permissions) {
    if (!permissions.some((entry) => isObject(entry) && entry.name === wanted.name))
      permissions.push({ ...wanted });
  }
  manifest.permissions = permissions;

  if (manifest.events !== undefined && !isObject(manifest.events))
    throw new ManifestPatchError(file, '/manifest/events is not an object');
  const events: JsonObject = manifest.events ?? {};
  manifest.events = events;

  const publications = arrayAt(events, 'publications', '/manifest/events/publications', file);
  const existing = publications.map((entry, index) => {
    if (!isObject(entry) || typeof entry.eventName !== 'string') {
      throw new ManifestPatchError(
        file,
        `/manifest/events/publications/${index} is not { "eventName": "…" }`,
      );
    }
    return entry as JsonObject & { eventName: string };
  });
  const requested = fragment.events.publications.map((entry) => entry.eventName);
  events.publications = mergeEventNames(
    existing.map((entry) => entry.eventName),
    requested,
    request.catalog,
  ).map((name) => existing.find((entry) => entry.eventName === name) ?? { eventName: name });

  const subscriptions = arrayAt(events, 'subscriptions', '/manifest/events/subscriptions', file);
  for (const wanted of fragment.events.subscriptions) {
    if (!subscriptions.some((entry) => isObject(entry) && entry.eventName === wanted.eventName))
      subscriptions.push({ ...wanted });
  }
  events.subscriptions = subscriptions;

  const notes = events.endpoint === undefined ? [endpointNote(file, 'manifest.events')] : [];
  if (isDeepStrictEqual(original, data)) return { text, notes };
  return { text: serialize(data, text), notes };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const reason = message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ of JSON input$/, '');
    throw new ManifestPatchError(file, `not valid JSON: ${reason}`, lineColumn(text, offset));
  }
}

/** The array at `key`, created empty when absent; anything else there is refused. */
function arrayAt(parent: JsonObject, key: string, pointer: string, file: string): unknown[] {
  const value = parent[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ManifestPatchError(file, `${pointer} is not an array`);
  return value;
}

/** JSON in the layout of `original`: its indentation, line endings and final newline. */
function serialize(data: unknown, original: string): string {
  const indent = /^[{[][ \t]*\r?\n([ \t]+)/.exec(original)?.[1] ?? '';
  const eol = detectEol(original);
  const body = JSON.stringify(data, null, indent).replace(/\n/g, eol);
  return /\r?\n$/.test(original) ? body + eol : body;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
