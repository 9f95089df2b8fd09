/**
 * Event names as people type them: the full schema name (AMAZON.WeatherAlert.Activated) or its
 * short name (WeatherAlert), with a "did you mean" for typos. Dependency-free.
 */

/** A schema as far as naming goes. */
import { closest } from '../suggest.js';
export interface NamedSchema {
  readonly name: string;
  /** The middle part of the name, e.g. WeatherAlert. */
  readonly shortName: string;
}

export type ResolvedNames =
  | { readonly ok: true; readonly names: string[] }
  | { readonly ok: false; readonly messages: string[] };

/**
 * Resolves full or short names (case-insensitively) to full names, in catalog order and without
 * duplicates; every unknown name gets a message suggesting the closest known one.
 */
export function resolveEventNames(
  input: readonly string[],
  schemas: readonly NamedSchema[],
): ResolvedNames {
  const chosen = new Set<string>();
  const messages: string[] = [];
  for (const typed of input) {
    const wanted = typed.trim().toLowerCase();
    const schema = schemas.find(
      (candidate) =>
        candidate.name.toLowerCase() === wanted || candidate.shortName.toLowerCase() === wanted,
    );
    if (schema) chosen.add(schema.name);
    else
      messages.push(
        unknownEventMessage(
          typed.trim(),
          schemas.flatMap((candidate) => [candidate.name, candidate.shortName]),
          schemas.map((candidate) => candidate.name),
        ),
      );
  }
  if (messages.length > 0) return { ok: false, messages };
  return { ok: true, names: schemas.map((s) => s.name).filter((name) => chosen.has(name)) };
}

/**
 * `unknown event "X" (did you mean "Y"?)`, or the list of known names when nothing is close.
 * `candidates` are what may be suggested; `listed` what the message lists (default: candidates).
 */
export function unknownEventMessage(
  name: string,
  candidates: readonly string[],
  listed: readonly string[] = candidates,
): string {
  const suggestion = closest(name, candidates);
  return suggestion === undefined
    ? `unknown event ${JSON.stringify(name)} (one of ${listed.join(', ')})`
    : `unknown event ${JSON.stringify(name)} (did you mean ${JSON.stringify(suggestion)}?)`;
}
