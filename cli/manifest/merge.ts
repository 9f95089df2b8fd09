import type { ManifestFragment } from '../../runtime/manifest/fragment.js';

/** What to merge into a file: the requested fragment and the catalog order of known schemas. */
export interface PatchRequest {
  readonly fragment: ManifestFragment;
  /** Every known schema, in catalog order. */
  readonly catalog: readonly string[];
}

export interface PatchResult {
  /** The new contents; identical to the input when the block is already up to date. */
  readonly text: string;
  /** Things the user should know that are not errors (e.g. no events.endpoint). */
  readonly notes: readonly string[];
}

/**
 * The publications a file should declare: everything it declares already plus what is
 * requested, without duplicates; known schemas in catalog order, then names we do not know
 * (added by hand) in the order the file has them. Nothing a user declared is ever dropped.
 */
export function mergeEventNames(
  existing: readonly string[],
  requested: readonly string[],
  catalog: readonly string[],
): string[] {
  const wanted = new Set([...existing, ...requested]);
  const known = catalog.filter((name) => wanted.has(name));
  const unknown = [...new Set(existing)].filter((name) => !catalog.includes(name));
  return [...known, ...unknown];
}

/** `existing` appears in `target` in the same order (so it only needs insertions). */
export function isInOrder(existing: readonly string[], target: readonly string[]): boolean {
  let next = 0;
  for (const name of existing) {
    const index = target.indexOf(name, next);
    if (index < 0) return false;
    next = index + 1;
  }
  return true;
}

export function endpointNote(file: string, where: string): string {
  return (
    `note: ${file} has no ${where}.endpoint. Alexa delivers the subscription event there; ` +
    `add it yourself (your skill's Lambda ARN or HTTPS URL): this command never writes it.`
  );
}
