/**
 * `proactive-events send`: validates and sends events from JSON files (or an outbox of earlier
 * failures) with the sending runtime. Every event ends as sent, failed (with Amazon's status and a
 * hint) or, when the run is stopped, unsent. With `--journal` a run can be resumed after SIGINT,
 * SIGKILL or a crash (`--resume JOURNAL`) without sending a confirmed event twice.
 *
 * SIGINT/SIGTERM stop taking events; in-flight attempts finish (bounded by --timeout-ms), the summary
 * is printed and the exit code is 130/143. Otherwise exit 0: all sent; 1: any failed; 2: usage,
 * missing credentials, unreadable or malformed input.
 */
import { resolve } from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import type { ProactiveEventsClient } from '../../generated/client.js';
import { MULTICAST_NOTICE } from '../../runtime/client/client.js';
import type { Region, Stage } from '../../runtime/client/endpoints.js';
import { JournalError, readJournal } from '../../runtime/client/journal.js';
import { redactSecrets } from '../../runtime/client/redact.js';
import type { SendManyResult, SendOutcome } from '../../runtime/client/send-many.js';
import { endpointOptions } from '../endpoint-options.js';
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
  'timeout-ms': number;
  outbox?: string;
  'resend-outbox'?: string;
  journal?: string;
  resume?: string;
}

/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report them. */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

// Every line the command prints passes the one redaction step: no secret reaches the terminal.
const out = (text: string): void => void process.stdout.write(redactSecrets(text));
const err = (text: string): void => void process.stderr.write(redactSecrets(text));

export const sendCommand: CommandModule<object, SendArgs> = {
  command: 'send [files..]',
  describe:
    'Validate and send events (files hold one event or an array) to the Proactive Events API',
  builder: (yargs: Argv) =>
    endpointOptions(
      yargs.positional('files', { type: 'string', array: true, describe: 'JSON files of events' }),
    )
      .option('concurrency', { type: 'number', default: 16, describe: 'Events in flight at once' })
      .option('timeout-ms', {
        type: 'number',
        default: 10_000,
        describe: 'Bound on each HTTP attempt (and on the wait for in-flight events when stopped)',
      })
      .option('outbox', {
        type: 'string',
        describe: 'Append events that finally fail to this JSON-lines file',
      })
      .option('resend-outbox', {
        type: 'string',
        describe: 'Resend the events of an outbox file',
      })
      .option('journal', {
        type: 'string',
        describe:
          'Record every event and its final state in this new file, to --resume after a stop',
      })
      .option('resume', {
        type: 'string',
        describe: 'Send the events of a journal that were not confirmed yet (no other input)',
      }) as unknown as Argv<SendArgs>,
  handler: async (argv) => {
    const files = argv.files ?? [];
    const resendFile = argv['resend-outbox'];
    const { concurrency, resume } = argv;
    const timeoutMs = argv['timeout-ms'];
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
      throw new CliError('--concurrency must be an integer from 1 to 1024.', ExitCode.usage);
    }
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
      throw new CliError('--timeout-ms must be a positive integer.', ExitCode.usage);
    }
    if (resume !== undefined && (files.length > 0 || resendFile !== undefined || argv.journal)) {
      throw new CliError(
        '--resume takes its events from the journal: name no files, --resend-outbox or --journal.',
        ExitCode.usage,
      );
    }
    if (files.length === 0 && resendFile === undefined && resume === undefined) {
      throw new CliError(
        'Name at least one event file, --resend-outbox FILE or --resume JOURNAL.',
        ExitCode.usage,
      );
    }
    const { clientId, clientSecret } = readCredentials();

    const events: SourcedEvent[] = [];
    for (const file of files) events.push(...(await readEventFile(file)));
    if (resendFile !== undefined) events.push(...(await readOutboxFile(resendFile)));
    let sources: (index: number) => string = (index) => events[index]?.source ?? `#${index}`;
    if (resume !== undefined) {
      const state = readJournalOrExplain(resume);
      const byIndex = new Map(state.events.map((e) => [e.index, e.source]));
      sources = (index) => byIndex.get(index) ?? `${resume}#${index}`;
    }

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
        timeoutMs,
      });
    } catch (error) {
      // A bad URL is a usage error; a missing validator is a broken installation.
      throw new CliError(
        (error as Error).message,
        error instanceof TypeError ? ExitCode.usage : ExitCode.failure,
      );
    }

    // Resending an outbox into itself: the file stays whole until this run is over; new failures
    // collect beside it and replace it only once every event it held is accounted for.
    const selfResend =
      resendFile !== undefined &&
      argv.outbox !== undefined &&
      resolve(resendFile) === resolve(argv.outbox);
    const outbox = selfResend ? `${argv.outbox}.resend` : argv.outbox;
    if (selfResend) await rm(outbox as string, { force: true });
    if (argv.stage === 'live') {
      err('Sending to the LIVE stage: these events reach real customers.\n');
    }

    const controller = new AbortController();
    let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
    const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
      if (stoppedBy !== undefined) return;
      stoppedBy = signal;
      err(`${signal}: stopping; waiting for events in flight (at most ${timeoutMs} ms)…\n`);
      controller.abort();
    };
    const onInt = (): void => onSignal('SIGINT');
    const onTerm = (): void => onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);

    const bar = progressBar(process.stderr, events.length);
    let result: SendManyResult;
    try {
      const options = {
        concurrency,
        outbox,
        signal: controller.signal,
        onProgress: (p: { done: number; sent: number; failed: number }) =>
          bar.update(p.done, p.sent, p.failed),
      };
      result =
        resume !== undefined
          ? await client.resumeJournal(resume, options)
          : await client.sendMany(
              events.map((e) => e.event),
              { ...options, journal: argv.journal, sources: events.map((e) => e.source) },
            );
    } catch (error) {
      if (error instanceof JournalError) throw new CliError(error.message, ExitCode.usage);
      throw error;
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      bar.finish();
      await client.close();
    }

    const { outcomes, summary } = result;
    if (selfResend && (summary.unsent === 0 || argv.journal === undefined)) {
      // Every event of the old outbox is now sent or in the new one: only now may it be replaced.
      await rename(outbox as string, argv.outbox as string).catch(async (error: unknown) => {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
        await writeFile(argv.outbox as string, '');
      });
    }
    if (summary.resumed !== undefined) {
      const r = summary.resumed;
      err(
        `resuming ${resume}: ${r.events} events, ${r.sent + r.failed} confirmed before (${r.sent} sent, ${r.failed} failed); sending ${summary.total}\n`,
      );
    }
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') err(failureLines(outcome, sources));
      for (const warning of outcome.status === 'sent' ? (outcome.warnings ?? []) : []) {
        err(
          `warning ${sources(outcome.index)}: ${warning.path || '/'}: ${warning.message} [${warning.code}]\n`,
        );
      }
    }
    if (outcomes.some((o) => o.status === 'sent' && o.notice !== undefined)) {
      out(`note: ${MULTICAST_NOTICE}\n`);
    }
    out(`${summaryLine(result, argv.outbox)}\n`);
    if (stoppedBy !== undefined) {
      const journal = resume ?? argv.journal;
      err(
        journal !== undefined
          ? `stopped by ${stoppedBy}: ${summary.unsent} events not confirmed; continue with: proactive-events send --resume ${journal}\n`
          : `stopped by ${stoppedBy}: ${summary.unsent} events not confirmed${argv.outbox === undefined ? '' : ` (written to ${argv.outbox})`}; use --journal to make a send resumable\n`,
      );
    }
    if (summary.outboxError !== undefined) err(`error: ${summary.outboxError}\n`);
    if (summary.journalError !== undefined) err(`error: ${summary.journalError}\n`);
    if (stoppedBy !== undefined) {
      process.exitCode = SIGNAL_EXIT[stoppedBy];
      return;
    }
    if (summary.outboxError !== undefined || summary.journalError !== undefined) {
      throw new CliError('', ExitCode.failure);
    }
    if (summary.failed > 0 || (summary.resumed?.failed ?? 0) > 0) {
      throw new CliError('', ExitCode.failure);
    }
  },
};

function readJournalOrExplain(file: string): ReturnType<typeof readJournal> {
  try {
    return readJournal(file);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}

function summaryLine({ summary }: SendManyResult, outbox: string | undefined): string {
  const parts = [`sent ${summary.sent}`, `failed ${summary.failed}`];
  if (summary.unsent > 0) parts.push(`unsent ${summary.unsent}`);
  const notes: string[] = [];
  if (summary.duplicates > 0) {
    notes.push(`${summary.duplicates} confirmed by a 409 after an attempt whose answer was lost`);
  }
  if (outbox !== undefined && summary.outboxed > 0) {
    notes.push(`${summary.outboxed} written to ${outbox}`);
  }
  return `${parts.join(', ')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function failureLines(
  outcome: Extract<SendOutcome, { status: 'failed' }>,
  sources: (index: number) => string,
): string {
  const ref = outcome.referenceId === undefined ? '' : ` (${outcome.referenceId})`;
  // A validation failure's message already lists its issues; they are printed once, below.
  const issues = outcome.error.issues ?? [];
  const headline = issues.length > 0 ? outcome.error.message.split('\n')[0] : outcome.error.message;
  const lines = [`failed ${sources(outcome.index)}${ref}: ${headline}`];
  for (const issue of issues) {
    lines.push(`  ${issue.path || '/'}: ${issue.message} [${issue.code}]`);
  }
  if (outcome.error.hint !== undefined) lines.push(`  hint: ${outcome.error.hint}`);
  if (outcome.error.maybeDelivered) {
    lines.push(
      '  note: an attempt may have reached Amazon, so it may have been delivered; resending it with the same referenceId cannot deliver it twice',
    );
  }
  return `${lines.join('\n')}\n`;
}
