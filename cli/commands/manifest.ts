import type { CommandModule } from 'yargs';
import type { PatchRequest } from '../manifest/merge.js';
import { manifestFormats, type ManifestFormat } from '../../runtime/manifest/render.js';
import { CliError, ExitCode } from '../errors.js';

interface ManifestArgs {
  format?: string;
  events?: string[];
  write?: string;
  'dry-run': boolean;
}

export const manifestCommand: CommandModule<object, ManifestArgs> = {
  command: 'manifest',
  describe: 'Print or write the skill-manifest block (permission, publications, subscription)',
  builder: (yargs) =>
    yargs
      .option('format', {
        type: 'string',
        choices: manifestFormats,
        describe:
          'Snippet shape: Jovo v3 project.js, ASK CLI skill.json, or plain JSON (default json; with --write, from the file name)',
      })
      .option('events', {
        type: 'string',
        array: true,
        describe: 'Only these schemas, comma-separated: full names or short names (WeatherAlert)',
      })
      .option('write', {
        type: 'string',
        describe: 'Merge the block into this project.js or skill.json in place',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'With --write: print the diff and write nothing',
      })
      .example('$0 manifest --format jovo', 'Print the block for a Jovo v3 project.js')
      .example(
        '$0 manifest --events WeatherAlert,OrderStatus --write skill-package/skill.json',
        'Declare two schemas in an ASK CLI project',
      )
      .example('$0 manifest --write project.js --dry-run', 'Show what would change'),
  handler: async (args) => {
    // The generated catalog and manifest facts, not the YAML definitions: the installed package
    // ships only the former.
    const { schemas } = await import('../../generated/catalog.js');
    const { manifestFragment, publishableEvents } = await import('../../generated/manifest.js');
    const { resolveEventNames } = await import('../../runtime/manifest/names.js');

    const format = checkFormat(args.format);
    if (args['dry-run'] && args.write === undefined) {
      throw new CliError(
        '--dry-run shows what --write would change: add --write FILE.',
        ExitCode.usage,
      );
    }
    let events: string[] | undefined;
    if (args.events !== undefined) {
      const typed = args.events
        .flatMap((item) => item.split(','))
        .filter((item) => item.trim() !== '');
      if (typed.length === 0)
        throw new CliError('--events names no schema (a comma-separated list).', ExitCode.usage);
      const resolved = resolveEventNames(typed, schemas);
      if (!resolved.ok)
        throw new CliError(
          resolved.messages.map((message) => `--events: ${message}`).join('\n'),
          ExitCode.usage,
        );
      events = resolved.names;
    }
    const fragment = manifestFragment({ events: events as (typeof publishableEvents)[number][] });

    if (args.write === undefined) {
      const { renderManifest } = await import('../../runtime/manifest/render.js');
      process.stdout.write(renderManifest(fragment, format ?? 'json'));
      return;
    }
    await write(args.write, format ?? formatOf(args.write), args['dry-run'], {
      fragment,
      catalog: publishableEvents,
    });
  },
};

async function write(
  file: string,
  format: ManifestFormat,
  dryRun: boolean,
  request: PatchRequest,
): Promise<void> {
  if (format === 'json') {
    throw new CliError(
      '--write edits a project.js (--format jovo) or a skill.json (--format skill-json), not plain JSON.',
      ExitCode.usage,
    );
  }
  const { patchFile } = await import('../manifest/patch-file.js');
  const { ManifestPatchError } = await import('../manifest/errors.js');
  let result;
  try {
    result = await patchFile({ ...request, file, format, dryRun });
  } catch (error) {
    if (error instanceof ManifestPatchError)
      throw new CliError(`${error.message}\nNothing was written.`, ExitCode.failure);
    const reasons: Record<string, string> = {
      ENOENT: 'no such file',
      EISDIR: 'it is a directory',
      EACCES: 'permission denied',
    };
    const reason = reasons[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason) throw new CliError(`${file}: cannot read it (${reason}).`, ExitCode.usage);
    throw error;
  }
  for (const note of result.notes) process.stderr.write(`${note}\n`);
  if (!result.changed) {
    process.stdout.write(`${file} is already up to date; nothing was written.\n`);
  } else if (dryRun) {
    process.stdout.write(
      `${result.diff}Dry run: ${file} would change as above; nothing was written.\n`,
    );
  } else {
    process.stdout.write(`Updated ${file}.\n`);
  }
}

function checkFormat(format: string | undefined): ManifestFormat | undefined {
  if (format === undefined || (manifestFormats as readonly string[]).includes(format))
    return format as ManifestFormat | undefined;
  throw new CliError(`--format ${format}: one of ${manifestFormats.join(', ')}.`, ExitCode.usage);
}

/** project.js (or any .js/.cjs/.mjs) is a Jovo config; *.json a skill.json. */
function formatOf(file: string): ManifestFormat {
  if (/\.[cm]?js$/.test(file)) return 'jovo';
  if (/\.json$/.test(file)) return 'skill-json';
  throw new CliError(
    `${file}: cannot tell its format from the name; add --format jovo or --format skill-json.`,
    ExitCode.usage,
  );
}
