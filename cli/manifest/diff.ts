/**
 * A unified diff of two texts, line by line (longest common subsequence), with three lines of
 * context: what `manifest --dry-run` prints. Manifest files are small, so the quadratic table is
 * fine.
 */
export function unifiedDiff(before: string, after: string, label: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = lineOps(a, b);
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    if (ops[index]!.kind === ' ') {
      index++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last change that is
    // at most 2 × context lines away from the previous one.
    const start = Math.max(0, index - context);
    let end = index;
    while (end < ops.length) {
      if (ops[end]!.kind !== ' ') {
        end++;
        continue;
      }
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const slice = ops.slice(start, stop);
    const first = ops[start]!;
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push(
      `@@ -${range(first.oldLine, oldCount)} +${range(first.newLine, newCount)} @@`,
      ...slice.map((op) => `${op.kind}${op.text}`),
    );
    index = stop;
  }
  if (hunks.length === 0) return '';
  return [`--- ${label}`, `+++ ${label}`, ...hunks, ''].join('\n');
}

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  /** 1-based line in the old and the new text where this op stands. */
  oldLine: number;
  newLine: number;
}

function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  // lengths[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // Removals before additions, as diff(1) prints them.
      ops.push({ kind: '-', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
    } else {
      ops.push({ kind: '+', text: b[j]!, oldLine: i + 1, newLine: j + 1 });
      j++;
    }
  }
  return ops;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** `start,count` as unified diffs write it (an empty range starts one line earlier). */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : `${start},${count}`;
}
