import { runtimeSpecifier, type Code } from '../codegen/code.js';
import { renderModule, type ModuleDocs } from '../codegen/module.js';
import type { EventSchema, Model } from '../model/types.js';

export { runtimeSpecifier };

/** One file of generated/, by its path relative to the output directory. */
export interface EmittedFile {
  readonly path: string;
  readonly contents: string;
  /** How generated/index.ts re-exports this module, if at all. */
  readonly reexport?: 'values' | 'types';
}

export interface EmitContext {
  readonly model: Model;
  readonly outDir: string;
}

export type Emitter = (context: EmitContext) => EmittedFile[] | Promise<EmittedFile[]>;

/** An emitted TypeScript module: the header, the imports its code uses, the code. */
export function emitModule(
  path: string,
  docs: ModuleDocs,
  body: Code,
  reexport?: EmittedFile['reexport'],
): EmittedFile {
  const contents = renderModule(path, docs, body);
  return reexport ? { path, contents, reexport } : { path, contents };
}

export function createContext(model: Model, outDir: string): EmitContext {
  return { model, outDir };
}

/** Every definition file of the model, for headers of modules built from all of them. */
export function allSources(model: Model): string[] {
  return [model.envelope.source, ...model.events.map((event) => event.source)];
}

/** The header of a module about one schema: its description and Amazon's page for it. */
export function schemaDocs(event: EventSchema, title: string): ModuleDocs {
  return {
    title,
    description: event.description,
    reference: event.reference,
    sources: [event.source],
  };
}

/** The header of a module built from the envelope's definition alone. */
export function envelopeDocs(model: Model, title: string): ModuleDocs {
  const { envelope } = model;
  return {
    title,
    description: envelope.description,
    reference: envelope.reference,
    sources: [envelope.source],
  };
}

/** The header of a module that gathers every schema. */
export function gatheringDocs(model: Model, title: string): ModuleDocs {
  const { envelope } = model;
  return {
    title,
    description: envelope.description,
    reference: envelope.reference,
    sources: allSources(model),
  };
}

/** Where the modules of one schema live: `events/<TypeStem>/`. */
export function schemaFolder(event: EventSchema): string {
  return `events/${event.typeStem}`;
}
