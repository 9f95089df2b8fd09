/** `campaign status|failed|wait`: what a campaign has done, as text or JSON. */
import type { CampaignConnection } from '../../runtime/campaign/connection.js';
import type { CampaignFailure, CampaignStatus } from '../../runtime/campaign/status.js';
import { CliError, ExitCode } from '../errors.js';
import { progressBar, type Progress } from '../progress.js';
import { withQueue, type QueueArgs } from './queue-option.js';

export interface ReportArgs extends QueueArgs {
  id: string;
  json: boolean;
}

export interface WaitArgs extends QueueArgs {
  id: string;
  timeout?: number;
}

const write = (text: string) => void process.stdout.write(text);

async function statusOf(connection: CampaignConnection, id: string): Promise<CampaignStatus> {
  const { campaignStatus } = await import('../../runtime/campaign/status.js');
  const status = await campaignStatus(connection, id);
  if (status.total === 0 && !status.enqueuing) {
    throw new CliError(`campaign ${id}: no such campaign in this queue`, ExitCode.failure);
  }
  return status;
}

export function formatStatus(status: CampaignStatus): string {
  const reasons = Object.entries(status.failedByReason).map(
    ([reason, n]) => `\n    ${reason}: ${n}`,
  );
  const rate =
    status.eventsPerSecond === undefined ? '–' : `${status.eventsPerSecond.toFixed(1)} events/s`;
  const state = status.settled ? 'settled' : status.enqueuing ? 'enqueuing' : 'sending';
  return (
    `campaign ${status.campaignId}: ${state}, ${status.total} events\n` +
    `  queued ${status.queued}  active ${status.active}  retrying ${status.retrying}\n` +
    `  sent ${status.sent}  failed ${status.failed}${reasons.join('')}\n` +
    `  throughput ${rate}\n`
  );
}

export async function showStatus(args: ReportArgs): Promise<void> {
  const status = await withQueue(args, (connection) => statusOf(connection, args.id));
  write(args.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
}

export async function showFailures(args: ReportArgs): Promise<void> {
  const { campaignFailures } = await import('../../runtime/campaign/status.js');
  await withQueue(args, async (connection) => {
    await statusOf(connection, args.id);
    const failures: CampaignFailure[] = [];
    for await (const failure of campaignFailures(connection, args.id)) {
      if (args.json) failures.push(failure);
      else
        write(
          `${failure.reason}  ${failure.referenceId}  ${failure.user || '(Multicast)'}: ${failure.message}\n`,
        );
    }
    if (args.json) write(`${JSON.stringify(failures, null, 2)}\n`);
  });
}

/** Polls until the campaign is settled; exit 1 when anything failed or time ran out. */
export async function waitFor(args: WaitArgs): Promise<void> {
  const deadline = args.timeout === undefined ? Infinity : Date.now() + args.timeout * 1000;
  const status = await withQueue(args, async (connection) => {
    let bar: Progress | undefined;
    let barTotal = -1;
    try {
      for (;;) {
        const status = await statusOf(connection, args.id);
        if (status.total !== barTotal) {
          bar?.finish();
          bar = progressBar(process.stderr, status.total);
          barTotal = status.total;
        }
        bar!.update(status.sent + status.failed, status.sent, status.failed);
        if (status.settled) return status;
        if (Date.now() > deadline) {
          bar?.finish();
          process.stderr.write(formatStatus(status));
          throw new CliError(
            `campaign ${args.id}: not settled after ${args.timeout} s`,
            ExitCode.failure,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      bar?.finish();
    }
  });
  write(formatStatus(status));
  if (status.failed > 0) {
    throw new CliError(
      `${status.failed} event${status.failed === 1 ? '' : 's'} failed: \`proactive-events campaign failed ${args.id} --json\` lists them`,
      ExitCode.failure,
    );
  }
}
