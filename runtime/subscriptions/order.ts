/**
 * The one ordering every part of the subscriptions runtime uses, so that the memory store, the
 * SQLite store, sorting of event names and the tie-break between requests all agree.
 */

/**
 * Compares strings by Unicode code point, which is also the byte order of their UTF-8 encoding and
 * therefore SQLite's default BINARY collation. JavaScript's `<` compares UTF-16 code units instead,
 * which puts U+E000–U+FFFF after astral characters; using it here would make the memory store page
 * users in a different order than SQLite does.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Move surrogates (U+D800–U+DFFF) above U+E000–U+FFFF; order inside each group is kept.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** The position of a request in a user's history: its time, ties broken by requestId. */
export interface ChangeVersion {
  readonly time: number;
  readonly requestId: string;
}

/**
 * Orders two requests of one user: by timestamp, then by requestId (code point order). Any total
 * order works for convergence as long as every store uses the same one; this one is deterministic,
 * so replays and any delivery order end in the same state.
 */
export function compareVersions(a: ChangeVersion, b: ChangeVersion): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return compareCodePoints(a.requestId, b.requestId);
}

/** Sorts (code point order) and de-duplicates, returning a new array. */
export function sortedUnique(values: Iterable<string>): string[] {
  const unique = [...new Set(values)];
  // Without surrogates, UTF-16 order is code point order, and the built-in comparison is many
  // times faster than compareCodePoints (tens of thousands of names in a hostile request).
  return unique.some((value) => surrogate.test(value))
    ? unique.sort(compareCodePoints)
    : unique.sort();
}

const surrogate = /[\uD800-\uDFFF]/;

/** Elements of sorted `a` that are not in `b`: the added/removed halves of a diff. */
export function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((value) => !other.has(value));
}
