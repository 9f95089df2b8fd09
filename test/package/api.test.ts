/**
 * The package's public surface, pinned: every name the root and each subpath export, with its
 * kind and declared type, as the TypeScript checker sees the sources. A change to the surface
 * changes the report file, so it shows up in review and is made on purpose: refresh the report
 * with `npx vitest run test/package/api.test.ts --update`.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/definitions.js';

const entries: Record<string, string> = {
  '.': 'generated/index.ts',
  './runtime': 'runtime/index.ts',
  './subscriptions': 'runtime/subscriptions/index.ts',
  './doctor': 'runtime/doctor/index.ts',
  './campaign': 'runtime/campaign/index.ts',
};

function report(program: ts.Program, file: string): string {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(repoRoot, file))!;
  const module = checker.getSymbolAtLocation(source)!;
  const lines: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    const kind = declaration ? ts.SyntaxKind[declaration.kind] : 'Unknown';
    const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0;
    const type = isValue
      ? checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, declaration ?? source))
      : checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol));
    lines.push(`- \`${exported.name}\` ${kind}: \`${type.replace(/\s+/g, ' ')}\``);
  }
  return lines.sort().join('\n');
}

describe('the public API', () => {
  const program = ts.createProgram(
    Object.values(entries).map((file) => join(repoRoot, file)),
    {
      ...ts.parseJsonConfigFileContent(
        ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile).config,
        ts.sys,
        repoRoot,
      ).options,
      noEmit: true,
    },
  );

  it.each(Object.entries(entries))('%s is what the report says', async (subpath, file) => {
    const name = subpath === '.' ? 'root' : subpath.slice(2);
    await expect(
      `# alexa-proactive-events${subpath === '.' ? '' : `/${name}`}\n\n${report(program, file)}\n`,
    ).toMatchFileSnapshot(join(repoRoot, 'test/package/api', `${name}.api.md`));
  });

  it('keeps internals out of the root', () => {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(join(repoRoot, entries['.']!))!;
    const names = checker
      .getExportsOfModule(checker.getSymbolAtLocation(source)!)
      .map((s) => s.name);
    for (const internal of [
      'REDACTED',
      'maskToken',
      'apiHint',
      'LWA_HINTS',
      'STAGE_PATHS',
      'DEFAULT_RETRY',
      'TOKEN_REFRESH_MARGIN_MS',
      'buildEvent',
      'localizePayload',
      'setDefaultValidator',
      'setPreviewValidator',
    ]) {
      expect(names, internal).not.toContain(internal);
    }
    expect(names).toContain('ProactiveEventsError');
  });
});
