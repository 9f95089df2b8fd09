import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../generator/paths.js';

/** Every TypeScript file below `dir` (relative to the package), with the specifiers it imports. */
function importsBelow(dir: string): { file: string; specifiers: string[] }[] {
  const files = readdirSync(join(packageRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
  return files.map((file) => ({
    file,
    specifiers: [
      ...readFileSync(join(packageRoot, file), 'utf8').matchAll(
        /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
      ),
    ].map((match) => match[1] ?? match[2]!),
  }));
}

/** The files below `dir` importing something `forbidden` matches, as `file → specifier`. */
function offenders(dir: string, forbidden: RegExp): string[] {
  return importsBelow(dir).flatMap(({ file, specifiers }) =>
    specifiers
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative('.', file)} → ${specifier}`),
  );
}

describe('the pipeline’s dependencies point one way', () => {
  it('the model never imports an emitter, the output phase or the CLI', () => {
    expect(offenders('generator/model', /\/(emitters|output|codegen)\/|\/cli\//)).toEqual([]);
  });

  it('the runtime never imports generated code or the generator', () => {
    expect(offenders('runtime', /(^|\/)(generated|generator|cli)\//)).toEqual([]);
  });

  it('emitters build code one way: no ts-morph, no json-schema-to-typescript', () => {
    expect(offenders('generator/emitters', /^(ts-morph|json-schema-to-typescript)$/)).toEqual([]);
  });

  it('generated modules import the runtime only by its public subpath', () => {
    expect(
      offenders('generated', /runtime\/|^\.\.\/\.\.\/\.\.\//).filter(
        (line) => !line.endsWith('→ alexa-proactive-events/runtime'),
      ),
    ).toEqual([]);
  });
});
