import { resolve } from 'node:path';
import { createContext, type EmittedFile } from './emitters/emitter.js';
import { emitAll } from './emitters/index.js';
import { loadModel } from './model/load.js';
import type { Model } from './model/types.js';
import { formatFiles } from './output/format.js';
import { checkOwnership, recoverLeftovers } from './output/ownership.js';
import { compareTree, writeTree, type TreeDifference } from './output/tree.js';
import { typeCheck } from './output/typecheck.js';

export interface GenerateOptions {
  readonly definitionsDir: string;
  readonly outDir: string;
  /** Compare with the output directory instead of writing it. */
  readonly check?: boolean;
  /**
   * Type-check every emitted module in memory before writing or comparing (default true). The
   * CLI turns it off unless asked (`--typecheck`, or `--check`): it costs more than the rest of
   * the pipeline together, and guards against generator bugs, not against bad definitions.
   */
  readonly typeCheck?: boolean;
}

export interface GenerateResult {
  readonly model: Model;
  readonly files: readonly EmittedFile[];
  /** Present with `check`: what differs from the output directory. */
  readonly difference?: TreeDifference;
  /** Milliseconds spent in each step (typeCheck 0 when skipped; write is the comparison with `check`). */
  readonly timings: Readonly<Record<GeneratePhase, number>>;
}

/** The steps of the pipeline, in order. */
export const generatePhases = ['load', 'emit', 'format', 'typeCheck', 'write'] as const;
export type GeneratePhase = (typeof generatePhases)[number];

/**
 * The pipeline: definitions → model → emitters → formatted (and type-checked) files → generated/.
 * Throws DefinitionError (bad definitions) or TypeCheckError before anything is written.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const outDir = resolve(options.outDir);
  const timings: Record<GeneratePhase, number> = {
    load: 0,
    emit: 0,
    format: 0,
    typeCheck: 0,
    write: 0,
  };
  const timed = async <T>(phase: GeneratePhase, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[phase] += performance.now() - started;
    }
  };
  // Refuse a folder generate does not own before any work, as well as when writing.
  if (!options.check) {
    await timed('write', async () => {
      await recoverLeftovers(outDir);
      await checkOwnership(outDir);
    });
  }
  const model = await timed('load', () => loadModel(resolve(options.definitionsDir)));
  const emitted = await timed('emit', () => emitAll(createContext(model, outDir)));
  const files = await timed('format', () => formatFiles(emitted));
  if (options.typeCheck ?? true) await timed('typeCheck', () => typeCheck(outDir, files));
  if (options.check) {
    const difference = await timed('write', () => compareTree(outDir, files));
    return { model, files, difference, timings };
  }
  await timed('write', () => writeTree(outDir, files));
  return { model, files, timings };
}

/** Emits, formats and (unless told not to) type-checks every file for `model`, in memory. */
export async function emitFiles(
  model: Model,
  outDir: string,
  options: { readonly typeCheck?: boolean } = {},
): Promise<EmittedFile[]> {
  const files = await formatFiles(await emitAll(createContext(model, outDir)));
  if (options.typeCheck ?? true) typeCheck(outDir, files);
  return files;
}
