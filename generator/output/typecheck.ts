import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { packageRoot } from '../paths.js';
import { runtimeSpecifier, type EmittedFile } from '../emitters/emitter.js';
import { TypeCheckError } from './typecheck-error.js';

export { TypeCheckError };

/**
 * The runtime's types as this copy of the package has them. An installed package has only the
 * compiled declarations. A checkout has the sources, and after `npm run build` the declarations
 * too: those are used while they are newer than every runtime source, because the compiler
 * reads them in about a third of the time the sources take (a check's fixed cost). A source
 * edited since the build makes the sources the truth again.
 */
export function runtimeTypes(root = packageRoot): string {
  const sources = join(root, 'runtime');
  const declarations = join(root, 'dist', 'runtime', 'index.d.ts');
  if (!existsSync(sources)) return declarations;
  return builtAfter(declarations, sources) ? declarations : join(sources, 'index.ts');
}

/** Whether `file` exists and was written after every .ts file under `dir` last changed. */
function builtAfter(file: string, dir: string): boolean {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).every(
    (path) => !path.endsWith('.ts') || statSync(join(dir, path)).mtimeMs < built,
  );
}

/**
 * One project for the process. The standard library and the runtime do not change while it
 * runs, and parsing them is most of a check's cost; a later check replaces only the emitted
 * modules, and TypeScript reuses the rest of the previous program.
 */
let shared: { project: Project; emitted: SourceFile[] } | undefined;

function sharedProject(): { project: Project; emitted: SourceFile[] } {
  shared ??= {
    project: new Project({
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
    }),
    emitted: [],
  };
  return shared;
}

/**
 * Type-checks the emitted modules, in memory and at the paths they will have, against the
 * runtime they import (resolved to this copy of the package, wherever the output goes) with the
 * strictest options a skill might compile them with. Only the emitted modules' diagnostics are
 * asked for, from the compiler directly (ts-morph's wrappers are not built). Nothing is written.
 */
export function typeCheck(outDir: string, files: readonly EmittedFile[]): void {
  const state = sharedProject();
  for (const previous of state.emitted) state.project.removeSourceFile(previous);
  state.emitted = files
    .filter((file) => file.path.endsWith('.ts'))
    .map((file) =>
      state.project.createSourceFile(join(outDir, file.path), file.contents, { overwrite: true }),
    );
  const program = state.project.getProgram().compilerObject;
  const diagnostics = state.emitted.flatMap((sourceFile) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(sourceFile.getFilePath())),
  );
  if (diagnostics.length > 0) throw new TypeCheckError(diagnostics.map(describe));
}

/** `path:line:column: message`, line and column counted from 1. */
function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const sourceFile = diagnostic.file;
  if (!sourceFile) return message;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return `${sourceFile.fileName}:${line + 1}:${character + 1}: ${message}`;
}
