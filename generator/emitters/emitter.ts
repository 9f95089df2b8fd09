import { commentText } from '../codegen/literal.js';
import { render } from '../codegen/templates.js';
import type { Model } from '../model/types.js';

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
  /**
   * The import specifier of the run-time half: the package's public subpath, so that modules
   * generated into a skill's own project run against the installed package.
   */
  readonly runtimeModule: string;
  /** The "generated from … — do not edit" banner for a TypeScript file. */
  banner(title: string, sources: readonly string[]): string;
}

export type Emitter = (context: EmitContext) => EmittedFile[] | Promise<EmittedFile[]>;

/** The import specifier of an emitted module (e.g. 'types/index.ts') from a module at the top of generated/. */
export function emittedImport(path: string): string {
  return `./${path.replace(/\.ts$/, '.js')}`;
}

/** What generated modules import the runtime by (package.json `exports`: `./runtime`). */
export const runtimeSpecifier = 'alexa-proactive-events/runtime';

export function createContext(model: Model, outDir: string): EmitContext {
  return {
    model,
    outDir,
    runtimeModule: runtimeSpecifier,
    banner(title, sources) {
      return render('banner', {
        title: commentText(title),
        single: sources.length === 1 ? sources[0] : false,
        sources,
      });
    },
  };
}

/** Every definition file of the model, for banners of files built from all of them. */
export function allSources(model: Model): string[] {
  return [model.envelope.source, ...model.events.map((event) => event.source)];
}
