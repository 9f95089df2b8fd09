import { Project } from 'ts-morph';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';

/** Hand-written run-time modules whose whole surface the package entry point re-exports. */
const runtimeReexports = ['builders/index.js', 'client/index.js'];

/**
 * generated/index.ts: the package's entry point, re-exporting every emitted module that asks to
 * be, and the sending runtime. (Subscriptions have their own entry points: see package.json.)
 */
export function emitIndex(context: EmitContext, emitted: readonly EmittedFile[]): EmittedFile {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('index.ts', '');
  const modules = emitted
    .filter((candidate) => candidate.reexport && candidate.path.endsWith('.ts'))
    .sort((a, b) => a.path.localeCompare(b.path));
  file.addExportDeclarations([
    ...modules.map((module) => ({
      isTypeOnly: module.reexport === 'types',
      moduleSpecifier: emittedImport(module.path),
    })),
    ...runtimeReexports.map((module) => ({
      moduleSpecifier: context.runtimeImport('index.ts', module),
    })),
  ]);
  const banner = context.banner(
    'alexa-proactive-events: the package entry point.',
    allSources(context.model),
  );
  return { path: 'index.ts', contents: `${banner}\n${file.getFullText()}` };
}
