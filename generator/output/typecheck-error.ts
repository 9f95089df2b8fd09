// Kept apart from typecheck.ts (ts-morph) so the CLI can recognise it without loading the toolchain.

/** Emitted TypeScript that does not compile. */
export class TypeCheckError extends Error {
  constructor(readonly diagnostics: readonly string[]) {
    super(
      `The generated code does not type-check (a generator bug, or a definition it cannot express):\n${diagnostics.join('\n')}`,
    );
    this.name = 'TypeCheckError';
  }
}
