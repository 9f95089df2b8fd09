/** One thing wrong with a definition, located in its file. */
export interface Problem {
  /** The definition file, as given to the loader (relative paths stay relative). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer into the definition document. */
  readonly pointer: string;
  /** What is wrong, then what was expected in parentheses. */
  readonly message: string;
}

/** `file:line:column: /pointer: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.pointer || '/'}: ${problem.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.message.localeCompare(b.message)
  );
}

/** Thrown when definitions cannot be turned into a model; carries every problem found, sorted. */
export class DefinitionError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = [...problems].sort(compareProblems);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(`Definitions have ${count}:\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'DefinitionError';
    this.problems = sorted;
  }
}
