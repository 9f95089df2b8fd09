/**
 * `--queue redis://…` (or PROACTIVE_EVENTS_QUEUE) and `--prefix` of the campaign and worker
 * commands, resolved to an open CampaignConnection. Loading bullmq happens here, on first use.
 */
import type { Argv } from 'yargs';
import type { CampaignConnection } from '../../runtime/campaign/connection.js';
import { CliError, ExitCode } from '../errors.js';

export interface QueueArgs {
  queue?: string;
  prefix: string;
}

export function queueOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('queue', {
      type: 'string',
      requiresArg: true,
      describe: 'Redis URL of the campaign queue (default: $PROACTIVE_EVENTS_QUEUE)',
    })
    .option('prefix', {
      type: 'string',
      default: 'proactive-events',
      describe: 'Key prefix in Redis (several skills can share one Redis)',
    });
}

export async function openQueue(args: QueueArgs): Promise<CampaignConnection> {
  const url = args.queue ?? process.env.PROACTIVE_EVENTS_QUEUE;
  if (url === undefined || url === '') {
    throw new CliError(
      'Name the queue: --queue redis://HOST:PORT (or PROACTIVE_EVENTS_QUEUE).',
      ExitCode.usage,
    );
  }
  const { CampaignConnection } = await import('../../runtime/campaign/connection.js');
  try {
    return await CampaignConnection.open(url, { prefix: args.prefix });
  } catch (error) {
    throw campaignError(error);
  }
}

/** Library errors as one CLI line: wrong input is a usage error, anything else a failure. */
export function campaignError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const usage = error instanceof TypeError || error instanceof RangeError;
  return new CliError(message, usage ? ExitCode.usage : ExitCode.failure);
}

/** Runs `body` with an open connection and always closes it. */
export async function withQueue<T>(
  args: QueueArgs,
  body: (connection: CampaignConnection) => Promise<T>,
): Promise<T> {
  const connection = await openQueue(args);
  try {
    return await body(connection);
  } catch (error) {
    throw campaignError(error);
  } finally {
    await connection.close();
  }
}
