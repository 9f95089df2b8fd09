import yargs from 'yargs';
import { commands } from './commands/index.js';
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
    if (!(error instanceof CliError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n`);
    exitCode = error.exitCode;
  } finally {
    process.exitCode = previousExitCode;
  }
  return exitCode;
}
