import { readFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { CliError, ExitCode } from '../errors.js';

interface ValidateArgs {
  files: string[];
  json: boolean;
  now?: string;
  clock: boolean;
}

/** One event of one file, as `--json` prints it. */
interface EventReport {
  file: string;
  /** The position in a file holding an array of events; null for a file holding one event. */
  index: number | null;
  valid: boolean;
  errors: unknown[];
  warnings: unknown[];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: 'Check event JSON files (one event or an array of events each; - for stdin)',
  builder: (yargs) =>
    yargs
      // Without this, yargs drops a lone "-" (stdin) from the file list.
      .parserConfiguration({ 'unknown-options-as-args': true })
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Event files',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the results as JSON' })
      .option('now', {
        type: 'string',
        describe: 'The clock for expiry checks (ISO 8601; default: now)',
      })
      .option('clock', {
        type: 'boolean',
        default: true,
        describe: 'Check expiry against the clock (--no-clock to skip)',
      }),
  handler: async (args) => {
    const { parseDateTime } = await import('../../runtime/validation/date-time.js');
    const { validateProactiveEvent } = await import('../../generated/validate.js');
    const { parseJson } = await import('../json-position.js');
    const unknownOption = args.files
      .map(String)
      .find((file) => file.startsWith('-') && file !== '-');
    if (unknownOption !== undefined) {
      throw new CliError(`Unknown option ${unknownOption} (see --help).`, ExitCode.usage);
    }
    if (args.now !== undefined && !args.clock) {
      throw new CliError('Use either --now or --no-clock, not both.', ExitCode.usage);
    }
    let now: number | undefined = args.clock ? Date.now() : undefined;
    if (args.now !== undefined) {
      now = parseDateTime(args.now);
      if (Number.isNaN(now)) {
        throw new CliError(
          `--now ${JSON.stringify(args.now)} is not an ISO 8601 date-time with a zone (such as 2019-02-13T14:00:00Z).`,
          ExitCode.usage,
        );
      }
    }

    const inputs: { file: string; value: unknown }[] = [];
    const problems: string[] = [];
    for (const file of args.files.map(String)) {
      let text: string;
      try {
        text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      } catch (error) {
        problems.push(`${file}: cannot read the file (${(error as Error).message})`);
        continue;
      }
      const parsed = parseJson(file, text);
      if (parsed.ok) inputs.push({ file, value: parsed.value });
      else problems.push(parsed.problem);
    }
    if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);

    const reports: EventReport[] = [];
    for (const { file, value } of inputs) {
      const events = Array.isArray(value) ? value : [value];
      events.forEach((event, position) => {
        const result = validateProactiveEvent(event, { now });
        reports.push({
          file,
          index: Array.isArray(value) ? position : null,
          valid: result.valid,
          errors: result.errors,
          warnings: result.warnings,
        });
      });
    }

    if (args.json) {
      process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      const lines: string[] = [];
      for (const report of reports) {
        const prefix = report.index === null ? '' : `/${report.index}`;
        const line = (issue: { path: string; message: string; code: string }, warning: boolean) =>
          `${report.file}: ${prefix}${issue.path || (prefix ? '' : '/')}: ${warning ? 'warning: ' : ''}${issue.message} (${issue.code})`;
        for (const issue of report.errors as { path: string; message: string; code: string }[])
          lines.push(line(issue, false));
        for (const issue of report.warnings as { path: string; message: string; code: string }[])
          lines.push(line(issue, true));
      }
      const invalid = reports.filter((report) => !report.valid).length;
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      lines.push(
        invalid === 0
          ? `${count(reports.length, 'event')}: all valid.`
          : `${count(reports.length, 'event')}: ${invalid} invalid.`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    // The problems are printed already: the error only carries the exit code.
    if (reports.some((report) => !report.valid)) throw new CliError('', ExitCode.failure);
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
