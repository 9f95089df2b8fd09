import { Project, VariableDeclarationKind } from 'ts-morph';
import { literal } from '../codegen/literal.js';
import { walkFields } from '../model/build-fields.js';
import type { EventSchema, Model } from '../model/types.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';
import { typesModule } from './types.js';

export const catalogModule = 'catalog.ts';

/** generated/catalog.ts: `schemas` (name, description, fields, locales) and `eventNames`. */
export function emitCatalog(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(catalogModule, '');
  file.addImportDeclarations([
    {
      isTypeOnly: true,
      namedImports: ['SchemaInfo'],
      moduleSpecifier: context.runtimeModule,
    },
    {
      isTypeOnly: true,
      namedImports: ['EventName'],
      moduleSpecifier: emittedImport(typesModule),
    },
  ]);
  file.addVariableStatements([
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['Every event schema, in the order of Amazon’s catalog.'],
      declarations: [
        {
          name: 'schemas',
          initializer: `${literal(catalogOf(model))} as const satisfies readonly SchemaInfo[]`,
        },
      ],
    },
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The name of every event schema, in the order of Amazon’s catalog.'],
      declarations: [
        {
          name: 'eventNames',
          initializer: `${literal(model.events.map((event) => event.name))} as const satisfies readonly EventName[]`,
        },
      ],
    },
  ]);
  const banner = context.banner('The catalog of event schemas.', allSources(model));
  return [
    { path: catalogModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'values' },
  ];
}

/** The catalog as plain data: what generated/catalog.ts exports and `schemas --json` prints. */
export function catalogOf(model: Model) {
  return model.events.map(schemaInfo);
}

function schemaInfo(event: EventSchema) {
  const fields = [...walkFields(event.payload)]
    .filter((field) => field.path.length > 0)
    .map((field) => ({
      path: field.path.join('.').replace(/\.\*/g, '[]'),
      type: field.kind,
      required: field.required,
      localizable: field.localizable,
      description: field.description,
      ...(field.kind === 'enum' ? { values: field.values.map((value) => value.value) } : {}),
    }));
  return {
    name: event.name,
    shortName: event.shortName,
    description: event.description,
    reference: event.reference,
    locales: event.locales,
    fields,
  };
}
