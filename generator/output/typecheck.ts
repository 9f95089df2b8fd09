import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { packageRoot } from '../paths.js';
import { runtimeSpecifier, type EmittedFile } from '../emitters/emitter.js';
import { TypeCheckError } from './typecheck-error.js';

export { TypeCheckError };

/**
 * The runtime's types as this copy of the package has them: the sources in a checkout, the
 * compiled declarations in an installed package.
 */
function runtimeTypes(): string {
  const source = join(packageRoot, 'runtime', 'index.ts');
  return existsSync(source) ? source : join(packageRoot, 'dist', 'runtime', 'index.d.ts');
}

/**
 * Type-checks the emitted modules, in memory and at the paths they will have, against the
 * runtime they import (resolved to this copy of the package, wherever the output goes) with the
 * strictest options a skill might compile them with. Nothing is written.
 */
export function typeCheck(outDir: string, files: readonly EmittedFile[]): void {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      exactOptionalPropertyTypes: false,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      paths: { [runtimeSpecifier]: [runtimeTypes()] },
    },
  });
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
