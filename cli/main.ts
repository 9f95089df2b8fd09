import yargs from 'yargs';
import { commands } from './commands/index.js';
import { ProactiveEventsError } from '../runtime/errors.js';
import { CliError, ExitCode } from './errors.js';

/** Runs the CLI with the given arguments; resolves to the exit code instead of exiting. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let usageError: string | undefined;
  const parser = yargs([...argv])
    .scriptName('proactive-events')
    .usage('$0 <command> [options]')
    .command(commands)
    .demandCommand(1, 'Name a command: see --help.')
    .strict()
    .recommendCommands()
    .option('verbose', {
      type: 'boolean',
      default: false,
      global: true,
      describe: 'Print the stack trace of an unexpected error (so does DEBUG=1)',
    })
    .help()
    .alias('h', 'help')
    .version(false)
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      usageError = message;
      // Throwing (not just recording) stops yargs from going on to run the command's handler with
      // the arguments it has just rejected.
      throw new CliError('', ExitCode.usage);
    });
  // Commands may set process.exitCode; read it for this run only, so runs in one process stay apart.
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  let exitCode: number;
  try {
    await parser.parseAsync();
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (usageError !== undefined) {
      process.stderr.write(`${await parser.getHelp()}\n\n${usageError}\n`);
      return ExitCode.usage;
    }
    if (error instanceof CliError) {
      if (error.message) process.stderr.write(`${error.message}\n`);
      exitCode = error.exitCode;
    } else {
      const verbose = argv.includes('--verbose') || Boolean(process.env['DEBUG']);
      process.stderr.write(`${describeFailure(error, verbose)}\n`);
      exitCode = ExitCode.failure;
    }
  } finally {
    process.exitCode = previousExitCode;
  }
  return exitCode;
}

/**
 * An error no command turned into a CliError: the library's own errors are written for people, so
 * their message is the line; anything else is named as unexpected. Never a stack trace unless
 * asked for, and never a throw from here whatever `error` is.
 */
function describeFailure(error: unknown, verbose: boolean): string {
  try {
    if (verbose && error instanceof Error && error.stack) return `proactive-events: ${error.stack}`;
    if (error instanceof ProactiveEventsError) {
      const hint = error.hint ? ` (${error.hint})` : '';
      return `proactive-events: ${error.message}${hint}`;
    }
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `proactive-events: unexpected error: ${text.split('\n')[0]} (run with --verbose for the stack trace)`;
  } catch {
    return 'proactive-events: unexpected error (run with --verbose for the stack trace)';
  }
}
