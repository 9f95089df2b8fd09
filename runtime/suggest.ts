/** "Did you mean": the closest candidate by edit distance, if close enough — for validators, the manifest and the generator alike. */

/** Edit distance (Levenshtein), case-insensitive, so `tornado` is 0 from `TORNADO`. */
export function editDistance(a: string, b: string): number {
  // Lower-cased once, compared by code unit: no string per character in the inner loop.
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const previous = new Array<number>(right.length + 1);
  for (let j = 0; j <= right.length; j++) previous[j] = j;
  for (let i = 1; i <= left.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    const code = left.charCodeAt(i - 1);
    for (let j = 1; j <= right.length; j++) {
      const above = previous[j]!;
      const replace = diagonal + (code === right.charCodeAt(j - 1) ? 0 : 1);
      const insert = previous[j - 1]! + 1;
      const remove = above + 1;
      previous[j] =
        replace < insert
          ? replace < remove
            ? replace
            : remove
          : insert < remove
            ? insert
            : remove;
      diagonal = above;
    }
  }
  return previous[right.length]!;
}

/**
 * The candidate closest to `name`, when it is a plausible typo (at most a third of the name's
 * length away, and at least 2 edits allowed). Long inputs are not compared: a 10 000-character
 * string is not a typo, and comparing it would be slow.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that far off cannot win.
    const lengthGap = Math.abs(candidate.length - name.length);
    if (lengthGap > limit || lengthGap >= bestDistance) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
