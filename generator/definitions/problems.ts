/** One thing wrong with a definition, located in its file. */
export interface Problem {
  /** The definition file, as given to the loader (relative paths stay relative). */
  readonly file: string;
  /** 1-based; 0 for a problem with the file as a whole (it cannot be read). */
  readonly line: number;
  readonly column: number;
  /** JSON pointer into the definition document. */
  readonly pointer: string;
  /** What is wrong, then what was expected in parentheses. */
  readonly message: string;
}

/** `file:line:column: /pointer: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
  if (problem.line === 0) return `${problem.file}: ${problem.message}`;
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

/** How many problems a DefinitionError's message lists; `problems` holds them all. */
const shownProblems = 100;

/** Appends `items` to `target` one by one: spreading 200,000 of them as arguments overflows the stack. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Thrown when definitions cannot be turned into a model; carries every problem found, sorted. */
export class DefinitionError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = [...problems].sort(compareProblems);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    const shown = sorted.slice(0, shownProblems).map(formatProblem);
    if (sorted.length > shownProblems) shown.push(`… and ${sorted.length - shownProblems} more`);
    super(`Definitions have ${count}:\n${shown.join('\n')}`);
    this.name = 'DefinitionError';
    this.problems = sorted;
  }
}
