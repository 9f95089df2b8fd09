import { join } from 'node:path';
import * as prettier from 'prettier';
import { packageRoot } from '../paths.js';
import type { EmittedFile } from '../emitters/emitter.js';

let options: prettier.Options | undefined;

/**
 * Formats emitted files with the pinned prettier and the repository's own configuration, so the
 * output is the same wherever it is generated.
 */
export async function formatFiles(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  options ??= (await prettier.resolveConfig(join(packageRoot, 'package.json'))) ?? {};
  return Promise.all(
    files.map(async (file) => ({
      ...file,
      contents: await prettier.format(file.contents, { ...options, filepath: file.path }),
    })),
  );
}
