import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this module whether it runs from source or from dist/. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ===
        'alexa-proactive-events'
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('alexa-proactive-events: cannot find the package root');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
export const definitionSchemaPath = join(packageRoot, 'definitions', 'definition.schema.json');
export const templatesDir = join(packageRoot, 'templates');
export const defaultDefinitionsDir = join(packageRoot, 'definitions');
export const defaultOutDir = join(packageRoot, 'generated');
