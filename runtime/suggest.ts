/** "Did you mean": the closest candidate by edit distance, if close enough — for validators, the manifest and the generator alike. */

/** Edit distance (Levenshtein), case-insensitive, so `tornado` is 0 from `TORNADO`. */
export function editDistance(a: string, b: string): number {
  return distance(a.toLowerCase(), b.toLowerCase(), Infinity);
}

/**
 * The edit distance of two lower-cased strings, compared by code unit, or a number above `bound`
 * as soon as every row is above it (the distance can only grow from there).
 */
function distance(left: string, right: string, bound: number): number {
  const width = right.length + 1;
  if (row.length < width) row = new Int32Array(width * 2);
  const previous = row;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= left.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    let smallest = i;
    const code = left.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const above = previous[j]!;
      const replace = diagonal + (code === right.charCodeAt(j - 1) ? 0 : 1);
      const insert = previous[j - 1]! + 1;
      const remove = above + 1;
      const cell =
        replace < insert
          ? replace < remove
            ? replace
            : remove
          : insert < remove
            ? insert
            : remove;
      previous[j] = cell;
      if (cell < smallest) smallest = cell;
      diagonal = above;
    }
    if (smallest > bound) return smallest;
  }
  return previous[width - 1]!;
}

/** One row of the edit-distance table, reused: a suggestion allocates nothing once it is large enough. */
let row = new Int32Array(64);

/**
 * The candidate closest to `name`, when it is a plausible typo (at most a third of the name's
 * length away, and at least 2 edits allowed). Long inputs are not compared: a 10 000-character
 * string is not a typo, and comparing it would be slow.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > 200) return undefined;
  const lowered = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that far off cannot win.
    const lengthGap = Math.abs(candidate.length - name.length);
    if (lengthGap > limit || lengthGap >= bestDistance) continue;
    const found = distance(lowered, candidate.toLowerCase(), Math.min(limit, bestDistance - 1));
    if (found < bestDistance) {
      best = candidate;
      bestDistance = found;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
