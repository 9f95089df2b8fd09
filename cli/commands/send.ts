/**
 * `proactive-events send`: validates and sends events from JSON files (or an outbox of earlier
 * failures) with the sending runtime. Every event ends as sent or failed; failures are listed with
 * Amazon's status and a hint, and can be collected in an outbox for a later `--resend-outbox`.
 * Exit 0: all sent; 1: any failed; 2: usage, missing credentials, unreadable or malformed input.
 */
import { resolve } from 'node:path';
import { truncate } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import type { ProactiveEventsClient } from '../../generated/client.js';
import { MULTICAST_NOTICE } from '../../runtime/client/client.js';
import { REGIONS, STAGES, type Region, type Stage } from '../../runtime/client/endpoints.js';
import type { SendOutcome } from '../../runtime/client/send-many.js';
import { readCredentials } from '../credentials.js';
import { CliError, ExitCode } from '../errors.js';
import { readEventFile, readOutboxFile, type SourcedEvent } from '../event-files.js';
import { progressBar } from '../progress.js';

interface SendArgs {
  files: string[];
  region: Region;
  stage: Stage;
  'api-url'?: string;
  'token-url'?: string;
  concurrency: number;
  outbox?: string;
  'resend-outbox'?: string;
}

export const sendCommand: CommandModule<object, SendArgs> = {
  command: 'send [files..]',
  describe:
    'Validate and send events (files hold one event or an array) to the Proactive Events API',
  builder: (yargs: Argv) =>
    yargs
      .positional('files', { type: 'string', array: true, describe: 'JSON files of events' })
      .option('region', { choices: REGIONS, default: 'NA' as Region, describe: 'API region' })
      .option('stage', {
        choices: STAGES,
        default: 'development' as Stage,
        describe: 'development reaches only your test devices; live reaches customers',
      })
      .option('api-url', {
        type: 'string',
        describe: 'Override the API host (the stage path is kept)',
      })
      .option('token-url', { type: 'string', describe: 'Override the LWA token URL' })
      .option('concurrency', { type: 'number', default: 16, describe: 'Events in flight at once' })
      .option('outbox', {
        type: 'string',
        describe: 'Append events that finally fail to this JSON-lines file',
      })
      .option('resend-outbox', {
        type: 'string',
        describe: 'Resend the events of an outbox file',
      }) as unknown as Argv<SendArgs>,
  handler: async (argv) => {
    const files = argv.files ?? [];
    const resendFile = argv['resend-outbox'];
    const concurrency = argv.concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
      throw new CliError('--concurrency must be an integer from 1 to 1024.', ExitCode.usage);
    }
    if (files.length === 0 && resendFile === undefined) {
      throw new CliError('Name at least one event file, or --resend-outbox FILE.', ExitCode.usage);
    }
    const { clientId, clientSecret } = readCredentials();

    const events: SourcedEvent[] = [];
    for (const file of files) events.push(...(await readEventFile(file)));
    if (resendFile !== undefined) events.push(...(await readOutboxFile(resendFile)));

    // Loaded here, not at the top: the CLI (and `generate`) must start without generated/.
    const { ProactiveEventsClient: Client } = await import('../../generated/client.js');
    let client: ProactiveEventsClient;
    try {
      client = new Client({
        clientId,
        clientSecret,
        region: argv.region,
        stage: argv.stage,
        apiUrl: argv['api-url'],
        tokenUrl: argv['token-url'],
      });
    } catch (error) {
      // A bad URL is a usage error; a missing validator is a broken installation.
      throw new CliError(
        (error as Error).message,
        error instanceof TypeError ? ExitCode.usage : ExitCode.failure,
      );
    }

    // Resending an outbox into itself: it has been read completely, so start it afresh and let it
    // collect only what still fails.
    if (
      resendFile !== undefined &&
      argv.outbox !== undefined &&
      resolve(resendFile) === resolve(argv.outbox)
    ) {
      await truncate(argv.outbox, 0);
    }
    if (argv.stage === 'live') {
      process.stderr.write('Sending to the LIVE stage: these events reach real customers.\n');
    }

    const bar = progressBar(process.stderr, events.length);
    let result;
    try {
      result = await client.sendMany(
        events.map((e) => e.event),
        {
          concurrency,
          outbox: argv.outbox,
          onProgress: (p) => bar.update(p.done, p.sent, p.failed),
        },
      );
    } finally {
      bar.finish();
      await client.close();
    }

    const { outcomes, summary } = result;
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') process.stderr.write(failureLines(outcome, events));
      for (const warning of outcome.status === 'sent' ? (outcome.warnings ?? []) : []) {
        const source = events[outcome.index]?.source ?? `#${outcome.index}`;
        process.stderr.write(
          `warning ${source}: ${warning.path || '/'}: ${warning.message} [${warning.code}]\n`,
        );
      }
    }
    if (outcomes.some((o) => o.status === 'sent' && o.notice !== undefined)) {
      process.stdout.write(`note: ${MULTICAST_NOTICE}\n`);
    }
    const outboxNote =
      argv.outbox !== undefined && summary.outboxed > 0
        ? ` (${summary.outboxed} written to ${argv.outbox})`
        : '';
    process.stdout.write(`sent ${summary.sent}, failed ${summary.failed}${outboxNote}\n`);
    if (summary.outboxError !== undefined) {
      throw new CliError(`error: ${summary.outboxError}`, ExitCode.failure);
    }
    if (summary.failed > 0) throw new CliError('', ExitCode.failure);
  },
};

function failureLines(
  outcome: Extract<SendOutcome, { status: 'failed' }>,
  events: SourcedEvent[],
): string {
  const source = events[outcome.index]?.source ?? `#${outcome.index}`;
  const ref = outcome.referenceId === undefined ? '' : ` (${outcome.referenceId})`;
  // A validation failure's message already lists its issues; they are printed once, below.
  const issues = outcome.error.issues ?? [];
  const headline = issues.length > 0 ? outcome.error.message.split('\n')[0] : outcome.error.message;
  const lines = [`failed ${source}${ref}: ${headline}`];
  for (const issue of issues) {
    lines.push(`  ${issue.path || '/'}: ${issue.message} [${issue.code}]`);
  }
  if (outcome.error.hint !== undefined) lines.push(`  hint: ${outcome.error.hint}`);
  return `${lines.join('\n')}\n`;
}
