/** How a file is laid out, so that what the patcher writes looks like the rest of it. */

/** '\r\n' when the file uses it, else '\n'. */
export function detectEol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * One level of indentation: the most common step by which a line is indented further than the
 * line before it ('\t', '    ', …); two spaces when the file has no nesting.
 */
export function detectIndentUnit(text: string): string {
  const counts = new Map<string, number>();
  let previous = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length > previous.length && indent.startsWith(previous)) {
      const step = indent.slice(previous.length);
      if (/^( +|\t)$/.test(step)) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    previous = indent;
  }
  let best = '  ';
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount) [best, bestCount] = [step, count];
  }
  return best;
}

/** The leading whitespace of the line that contains `position`. */
export function lineIndent(text: string, position: number): string {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}
