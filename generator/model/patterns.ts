/**
 * A definition's regular expression must compile both ways it is used: without flags (JSON
 * Schema consumers such as ajv's `regex` format) and with `u` (the emitted validators and
 * ajv's `pattern` keyword). The reason is the engine's own, without its "Invalid regular
 * expression: /…/: " prefix, which repeats the pattern.
 */
export function patternProblem(pattern: string): string | undefined {
  for (const flags of ['', 'u']) {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : 'invalid';
      const where = flags === '' ? '' : ' with the u flag';
      return `the pattern is not a valid regular expression${where}: ${reason} (a JavaScript regular expression valid with and without the u flag)`;
    }
  }
  return undefined;
}
