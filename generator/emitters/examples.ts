import { Project, VariableDeclarationKind } from 'ts-morph';
import { literal } from '../codegen/literal.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';
import { typesModule } from './types.js';

export const examplesModule = 'examples.ts';

/**
 * generated/examples.ts: every definition's example events, typed by their schema. Emitting
 * them makes the type-check of generated/ prove that each example is a ProactiveEvent, and
 * gives users and tests ready-made valid events.
 */
export function emitExamples(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(examplesModule, '');
  file.addImportDeclaration({
    isTypeOnly: true,
    namedImports: ['EventName', 'EventOf'],
    moduleSpecifier: emittedImport(typesModule),
  });
  const byName = Object.fromEntries(
    model.events.map((event) => [event.name, event.examples.map((example) => example.event)]),
  );
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      'Example events of every schema, from the definitions, valid as they are (for a fixed clock).',
    ],
    declarations: [
      {
        name: 'exampleEvents',
        type: '{ readonly [N in EventName]: readonly EventOf<N>[] }',
        initializer: literal(byName),
      },
    ],
  });
  const banner = context.banner('Example events from the definitions.', allSources(model));
  return [
    { path: examplesModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'values' },
  ];
}
