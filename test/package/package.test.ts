import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generationPackages } from '../../cli/toolchain.js';
import { repoRoot } from '../support/definitions.js';

interface Manifest {
  name: string;
  exports: Record<string, { import: { default: string } } | string>;
  dependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/** The built file a package specifier (`alexa-proactive-events/runtime`) resolves to. */
function ownTarget(specifier: string): string | undefined {
  if (specifier !== manifest.name && !specifier.startsWith(`${manifest.name}/`)) return undefined;
  const target = manifest.exports[`.${specifier.slice(manifest.name.length)}`];
  return typeof target === 'object' ? join(repoRoot, target.import.default) : undefined;
}

/**
 * Every bare module the built package loads at run time from `entry`, following relative imports
 * and its own subpaths (type-only imports skipped): packages (what a skill must have installed)
 * and Node built-ins. With `dynamic: false`, only what loads with the entry itself: dynamic
 * import() is what keeps undici and the store drivers out of an import of the root.
 */
function runtimeImports(entry: string, { dynamic }: { dynamic: boolean }) {
  const packages = new Set<string>();
  const builtins = new Set<string>();
  const seen = new Set<string>();
  const pattern = dynamic
    ? /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm
    : /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = match[1] ?? match[2]!;
      const own = ownTarget(specifier);
      if (own) visit(own);
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (specifier.startsWith('node:')) builtins.add(specifier);
      else
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  visit(entry);
  return { packages, builtins };
}

describe('the built package', () => {
  const subpaths = Object.entries(manifest.exports).filter(
    (entry): entry is [string, { import: { default: string } }] => typeof entry[1] === 'object',
  );

  it.each(subpaths)('%s loads only its dependencies and optional drivers', (_subpath, target) => {
    const { packages } = runtimeImports(join(repoRoot, target.import.default), { dynamic: true });
    const drivers = Object.keys(manifest.peerDependenciesMeta).filter(
      (name) => !(generationPackages as readonly string[]).includes(name),
    );
    // yargs is the CLI's; the generation toolchain is generate's alone.
    const allowed = new Set([
      ...Object.keys(manifest.dependencies).filter((name) => name !== 'yargs'),
      ...drivers,
    ]);
    expect([...packages].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('imports no package and few Node built-ins when the root is imported (undici comes with the first send)', () => {
    const root = manifest.exports['.'] as { import: { default: string } };
    const { packages, builtins } = runtimeImports(join(repoRoot, root.import.default), {
      dynamic: false,
    });
    expect([...packages]).toEqual([]);
    // Each built-in is part of every cold start: node:crypto alone added about 4 ms (the
    // referenceId generator uses the Web Crypto global instead). A new one is a choice to review.
    expect([...builtins].sort()).toEqual(['node:fs', 'node:fs/promises']);
  });

  it('keeps the doctor library free of generated code (the caller passes it in)', () => {
    const visited: string[] = [];
    const visit = (file: string) => {
      if (visited.includes(file)) return;
      visited.push(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
        visit(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(repoRoot, 'runtime/doctor/index.ts'));
    expect(visited.filter((file) => file.includes('/generated/'))).toEqual([]);
    expect(visited.length).toBeGreaterThan(10);
  });

  it('keeps its run-time dependencies few', () => {
    // acorn: doctor and manifest --write read a Jovo project.js without the TypeScript compiler.
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['acorn', 'undici', 'yargs']);
  });
});
