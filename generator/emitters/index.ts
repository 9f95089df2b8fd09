import { emitBuilders } from './builders.js';
import { emitCatalog } from './catalog.js';
import { emitClient } from './client.js';
import { emitExamples } from './examples.js';
import type { EmitContext, EmittedFile, Emitter } from './emitter.js';
import { emitIndex } from './index-module.js';
import { emitManifest } from './manifest.js';
import { emitPreview } from './previewers/emit.js';
import { emitSchemaFiles } from './schema-files.js';
import { emitTypes } from './types.js';
import { emitValidators } from './validators/module.js';

/** Every emitter, one per artefact; generated/index.ts is assembled from their modules last. */
export const emitters: readonly Emitter[] = [
  emitSchemaFiles,
  emitTypes,
  emitCatalog,
  emitExamples,
  emitValidators,
  emitPreview,
  emitManifest,
  emitBuilders,
  emitClient,
];

export async function emitAll(context: EmitContext): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  for (const emitter of emitters) files.push(...(await emitter(context)));
  files.push(emitIndex(context, files));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
