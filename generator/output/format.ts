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
  const resolved = options;
  return Promise.all(
    files.map(async (file) => ({ ...file, contents: await formatFile(file, resolved) })),
  );
}

/**
 * TypeScript is parsed with prettier's `babel-ts` parser: it prints the same code as the default
 * `typescript` parser in about half the time, and formatting is most of a run's cost. The output
 * must stay what `prettier --check` (default parser) accepts: test/generator/format.test.ts
 * compares the two on everything the emitters write, and `npm run lint` checks generated/.
 */
function formatFile(file: EmittedFile, resolved: prettier.Options): Promise<string> {
  const parser = file.path.endsWith('.ts') ? { parser: 'babel-ts' } : {};
  return prettier.format(file.contents, { ...resolved, filepath: file.path, ...parser });
}
