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
}

/**
 * The pipeline: definitions → model → emitters → formatted (and type-checked) files → generated/.
 * Throws DefinitionError (bad definitions) or TypeCheckError before anything is written.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const outDir = resolve(options.outDir);
  // Refuse a folder generate does not own before any work, as well as when writing.
  if (!options.check) {
    await recoverLeftovers(outDir);
    await checkOwnership(outDir);
  }
  const model = await loadModel(resolve(options.definitionsDir));
  const files = await emitFiles(model, outDir, { typeCheck: options.typeCheck ?? true });
  if (options.check) return { model, files, difference: await compareTree(outDir, files) };
  await writeTree(outDir, files);
  return { model, files };
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
