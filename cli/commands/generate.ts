import { relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { DefinitionError } from '../../generator/definitions/problems.js';
import { OutputError } from '../../generator/output/errors.js';
import { TypeCheckError } from '../../generator/output/typecheck-error.js';
import { CliError, ExitCode } from '../errors.js';
import { missingGenerationPackages } from '../toolchain.js';

interface GenerateArgs {
  definitions: string;
  out: string;
  check: boolean;
  typecheck?: boolean;
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate',
  describe: 'Generate types, JSON Schemas and code from the definitions',
  builder: (yargs) =>
    yargs
      .option('definitions', {
        type: 'string',
        default: 'definitions',
        describe:
          'Directory holding envelope.yaml and events/*.yaml (the package ships Amazon’s in node_modules/alexa-proactive-events/definitions)',
      })
      .option('out', {
        type: 'string',
        default: 'generated',
        describe:
          'Output folder, replaced atomically; only a missing or empty one, or one generate wrote',
      })
      .option('check', {
        type: 'boolean',
        default: false,
        describe:
          'Write nothing; list stale or missing files and exit 1 if any (type-checks too, unless --no-typecheck)',
      })
      .option('typecheck', {
        type: 'boolean',
        describe:
          'Type-check every emitted module in memory against the runtime before writing (slower; on by default with --check)',
      })
      .example('$0 generate', 'Regenerate generated/ from definitions/')
      .example('$0 generate --check', 'Fail if generated/ is out of date (CI)')
      .example(
        '$0 generate --definitions node_modules/alexa-proactive-events/definitions --out src/events',
        'Generate Amazon’s schemas into a skill’s own sources',
      ),
  handler: async (args) => {
    const missing = missingGenerationPackages();
    if (missing.length > 0) {
      throw new CliError(
        `generate needs the generation-time packages, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed: run \`npm install --save-dev ${missing.join(' ')}\`.`,
        ExitCode.usage,
      );
    }
    const { generate } = await import('../../generator/generate.js');
    const started = performance.now();
    try {
      const result = await generate({
        definitionsDir: args.definitions,
        outDir: args.out,
        check: args.check,
        typeCheck: args.typecheck ?? args.check,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const out = relative(process.cwd(), resolve(args.out)) || '.';
      if (!result.difference) {
        process.stdout.write(
          `Generated ${result.files.length} files for ${result.model.events.length} schemas in ${out}/ (${seconds} s)\n`,
        );
        return;
      }
      const { stale, missing, extra } = result.difference;
      const lines = [
        ...stale.map((file) => `stale:   ${out}/${file}`),
        ...missing.map((file) => `missing: ${out}/${file}`),
        ...extra.map((file) => `extra:   ${out}/${file} (not generated any more)`),
      ];
      if (lines.length === 0) {
        process.stdout.write(
          `${out}/ is up to date (${result.files.length} files, ${result.model.events.length} schemas)\n`,
        );
        return;
      }
      throw new CliError(
        `${lines.join('\n')}\n${out}/ is out of date: run \`npm run generate\`.`,
        ExitCode.failure,
      );
    } catch (error) {
      if (
        error instanceof DefinitionError ||
        error instanceof TypeCheckError ||
        error instanceof OutputError
      ) {
        throw new CliError(`${error.message}\nNothing was written.`, ExitCode.failure);
      }
      // Anything else is a defect of the generator: cli/main.ts prints it as one line (the stack
      // with --verbose or DEBUG); the output folder is swapped atomically, so it is untouched.
      throw error;
    }
  },
};
