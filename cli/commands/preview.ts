import { readFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { CliError, ExitCode } from '../errors.js';
import { parseJson } from '../json-position.js';

interface PreviewArgs {
  file: string;
  locale?: string;
  all?: boolean;
  json: boolean;
  'time-zone': string;
}

export const previewCommand: CommandModule<object, PreviewArgs> = {
  command: 'preview <file>',
  describe: 'Say what Alexa will say for an event (our rendering of the templates)',
  builder: (yargs) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'An event as JSON' })
      .option('locale', {
        type: 'string',
        describe: 'The listener’s locale (default en-US)',
        conflicts: 'all',
      })
      .option('all', {
        type: 'boolean',
        describe: 'Every locale the event carries in localizedAttributes',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print how each preview was made (variant, fallback, values) as JSON',
      })
      .option('time-zone', {
        type: 'string',
        default: 'UTC',
        describe: 'The time zone dates are spoken in (Alexa uses the listener’s)',
      })
      .example('$0 preview event.json', 'The en-US sentence')
      .example('$0 preview event.json --all --json', 'Every locale, explained'),
  handler: async (args) => {
    const event = parseEvent(args.file, await readText(args.file));
    const { explainUtterance, UtterancePreviewError } = await import('../../generated/preview.js');
    const locales = args.all ? carriedLocales(event) : [args.locale ?? 'en-US'];
    try {
      const explained = locales.map((locale) =>
        explainUtterance(event as never, locale, { timeZone: args['time-zone'] }),
      );
      if (args.json) {
        const output = args.all ? explained : explained[0];
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
        return;
      }
      const lines = explained.map((preview) => {
        const note = preview.fallback ? ` [fallback to ${preview.templateLocale}]` : '';
        return `${args.all ? `${preview.locale}: ` : ''}${preview.text}${note}`;
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    } catch (error) {
      if (error instanceof UtterancePreviewError) {
        const issues = error.issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`);
        throw new CliError(
          [`${args.file}: cannot preview: ${error.message}`, ...issues.slice(1)].join('\n'),
          error.code === 'invalid-option' ? ExitCode.usage : ExitCode.failure,
        );
      }
      throw error;
    }
  },
};

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`${file}: cannot read the file (${reason})`, ExitCode.usage);
  }
}

/** The event, or a usage error naming the line and column where the JSON breaks. */
export function parseEvent(file: string, text: string): unknown {
  const parsed = parseJson(file, text, 'an event as JSON');
  if (!parsed.ok) throw new CliError(parsed.problem, ExitCode.usage);
  return parsed.value;
}

/** The locales of the event's localizedAttributes entries, or en-US when it has none. */
function carriedLocales(event: unknown): string[] {
  const entries = (event as { localizedAttributes?: unknown } | null)?.localizedAttributes;
  const locales = Array.isArray(entries)
    ? entries
        .map((entry: { locale?: unknown } | null) => entry?.locale)
        .filter((locale): locale is string => typeof locale === 'string')
    : [];
  return locales.length > 0 ? locales : ['en-US'];
}
