/**
 * The generation-time packages: `generate` needs them, nothing else does. They are optional peer
 * dependencies of the package, so a skill that only sends events never installs them; this module
 * finds out which are missing without loading any of them.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../generator/paths.js';

/** Every package generator/ imports, as package.json's peerDependencies name them. */
export const generationPackages = [
  'ajv',
  'ajv-formats',
  'handlebars',
  'prettier',
  'ts-morph',
  'yaml',
] as const;

/** The generation packages this installation cannot resolve, in the order above. */
export function missingGenerationPackages(): string[] {
  // Resolve as the generator's own modules will: from inside the package, walking up node_modules.
  const require = createRequire(join(packageRoot, 'package.json'));
  const resolves = (specifier: string) => {
    try {
      require.resolve(specifier);
      return true;
    } catch {
      return false;
    }
  };
  // A package whose `exports` hides package.json still resolves by its name, and the reverse.
  return generationPackages.filter((name) => !resolves(name) && !resolves(`${name}/package.json`));
}
