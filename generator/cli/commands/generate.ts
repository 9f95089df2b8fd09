import { relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { DefinitionError } from '../../definitions/problems.js';
import { OutputError } from '../../output/errors.js';
import { TypeCheckError } from '../../output/typecheck.js';
import { defaultDefinitionsDir, defaultOutDir } from '../../paths.js';
import { CliError, ExitCode } from '../errors.js';

interface GenerateArgs {
  definitions: string;
  out: string;
  check: boolean;
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate',
  describe: 'Generate types, JSON Schemas and code from the definitions',
  builder: (yargs) =>
    yargs
      .option('definitions', {
        type: 'string',
        default: relative(process.cwd(), defaultDefinitionsDir) || '.',
        describe: 'Directory holding envelope.yaml and events/*.yaml',
      })
      .option('out', {
        type: 'string',
        default: relative(process.cwd(), defaultOutDir) || '.',
        describe:
          'Output folder, replaced atomically; only a missing or empty one, or one generate wrote',
      })
      .option('check', {
        type: 'boolean',
        default: false,
        describe: 'Write nothing; list stale or missing files and exit 1 if any',
      })
      .example('$0 generate', 'Regenerate generated/ from definitions/')
      .example('$0 generate --check', 'Fail if generated/ is out of date (CI)'),
  handler: async (args) => {
    const { generate } = await import('../../generate.js');
    const started = performance.now();
    try {
      const result = await generate({
        definitionsDir: args.definitions,
        outDir: args.out,
        check: args.check,
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
      if (error instanceof CliError || process.env.DEBUG) throw error;
      // Anything else is a defect of the generator: one line, the stack only with DEBUG set.
      throw new CliError(
        `${relative(process.cwd(), resolve(args.out)) || '.'}: generation failed: ${describeUnknown(error)} (set DEBUG=1 for the stack trace)\nNothing was written.`,
        ExitCode.failure,
      );
    }
  },
};

/** The first line of an unknown thrown value, without ever throwing itself. */
function describeUnknown(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return text.split('\n')[0]!;
  } catch {
    return 'an unprintable error';
  }
}
