// The type tests' compiler run: `node scripts/check-type-tests.mjs [tsconfig]` (the vitest global
// setup test/setup/type-tests.ts starts it). It builds the program of the type tests' tsconfig
// (default tsconfig.type-tests.json) and reports, as `tsc --pretty false` does, the diagnostics
// of the type-test files themselves: the expectTypeOf and @ts-expect-error lines hold exactly
// when there are none. The sources those files import are type-checked whole by
// `npm run typecheck`; asking for their diagnostics here as well made this a second full
// type-check, at about a third more CPU. Exit code 0 when clean, 1 with diagnostics, 2 when the
// configuration cannot be read.
import ts from 'typescript';

const configPath = process.argv[2] ?? 'tsconfig.type-tests.json';
const host = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

let configError;
const config = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => (configError = diagnostic),
});
if (config === undefined || configError !== undefined) {
  console.log(ts.formatDiagnostic(configError, host).trim());
  process.exit(2);
}
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: { ...config.options, noEmit: true },
  projectReferences: config.projectReferences,
});
const diagnostics = [
  ...config.errors,
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...config.fileNames.flatMap((fileName) => {
    const sourceFile = program.getSourceFile(fileName);
    return sourceFile === undefined
      ? []
      : [
          ...program.getSyntacticDiagnostics(sourceFile),
          ...program.getSemanticDiagnostics(sourceFile),
        ];
  }),
];
for (const diagnostic of diagnostics) console.log(ts.formatDiagnostic(diagnostic, host).trim());
process.exit(diagnostics.length === 0 ? 0 : 1);
