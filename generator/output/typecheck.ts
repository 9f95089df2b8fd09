import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { packageRoot, runtimeDir } from '../paths.js';
import type { EmittedFile } from '../emitters/emitter.js';

/** Emitted TypeScript that does not compile. */
export class TypeCheckError extends Error {
  constructor(readonly diagnostics: readonly string[]) {
    super(
      `The generated code does not type-check (a generator bug, or a definition it cannot express):\n${diagnostics.join('\n')}`,
    );
    this.name = 'TypeCheckError';
  }
}

/**
 * Type-checks the emitted modules, in memory and at the paths they will have, against the
 * runtime they import and the repository's compiler options. Nothing is written.
 */
export function typeCheck(outDir: string, files: readonly EmittedFile[]): void {
  const project = new Project({
    tsConfigFilePath: join(packageRoot, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
  });
  project.addSourceFilesAtPaths(join(runtimeDir, '**/*.ts'));
  const emitted = files
    .filter((file) => file.path.endsWith('.ts'))
    .map((file) =>
      project.createSourceFile(join(outDir, file.path), file.contents, { overwrite: true }),
    );
  const diagnostics = emitted.flatMap((sourceFile) => sourceFile.getPreEmitDiagnostics());
  if (diagnostics.length > 0) {
    throw new TypeCheckError(
      diagnostics.map((diagnostic) => {
        const message = ts.flattenDiagnosticMessageText(
          diagnostic.getMessageText() as string | ts.DiagnosticMessageChain,
          '\n',
        );
        const sourceFile = diagnostic.getSourceFile();
        if (!sourceFile) return message;
        const { line, column } = sourceFile.getLineAndColumnAtPos(diagnostic.getStart() ?? 0);
        return `${sourceFile.getFilePath()}:${line}:${column}: ${message}`;
      }),
    );
  }
}
