/**
 * `campaign start`: validates everything first (nothing is enqueued if one event is invalid),
 * then enqueues the events of FILES, or the template fanned out to the store's subscribers.
 * Prints the campaign id on stdout, so `ID=$(proactive-events campaign start …)` works.
 */
import { addressTo } from '../../runtime/campaign/job-data.js';
import { deriveCampaignId } from '../../runtime/campaign/keys.js';
import type { EnqueueResult } from '../../runtime/campaign/enqueue.js';
import { formatIssue } from '../../runtime/validation/issues.js';
import { SubscriptionTracker } from '../../runtime/subscriptions/tracker.js';
import { CliError, ExitCode } from '../errors.js';
import { readEventFile, type SourcedEvent } from '../event-files.js';
import { openStoreFromArgs, storeUrl } from '../subscriptions/store-option.js';
import { withQueue, type QueueArgs } from './queue-option.js';

export interface StartArgs extends QueueArgs {
  files?: string[];
  template?: string;
  'to-subscribers'?: boolean;
  store?: string;
  id?: string;
  attempts: number;
  json: boolean;
}

/** A user id that stands in for the subscribers while the template is validated. */
const PLACEHOLDER_USER = 'amzn1.ask.account.CAMPAIGN-TEMPLATE';

export async function startCampaign(args: StartArgs): Promise<void> {
  const files = args.files ?? [];
  const fanOut = args.template !== undefined;
  if (fanOut === files.length > 0) {
    throw new CliError(
      'Name event FILES, or --template EVENT.json --to-subscribers --store URL.',
      ExitCode.usage,
    );
  }
  if (fanOut && (!args['to-subscribers'] || args.store === undefined)) {
    throw new CliError('--template needs --to-subscribers and --store URL.', ExitCode.usage);
  }
  const sources: SourcedEvent[] = [];
  for (const file of fanOut ? [args.template!] : files)
    sources.push(...(await readEventFile(file)));
  if (fanOut && sources.length !== 1) {
    throw new CliError(`${args.template}: a template is one event, not an array.`, ExitCode.usage);
  }
  await validateAll(
    fanOut
      ? sources.map(({ event, source }) => ({
          event: addressTo(event as object, PLACEHOLDER_USER),
          source,
        }))
      : sources,
  );

  const events = sources.map((s) => s.event as object);
  const campaignId =
    args.id ??
    deriveCampaignId(
      fanOut
        ? ['template', JSON.stringify(events[0]), storeUrl(args)]
        : ['events', ...events.map((event) => JSON.stringify(event))],
    );
  const { enqueueEvents, enqueueToSubscribers } = await import('../../runtime/campaign/enqueue.js');
  const result: EnqueueResult = await withQueue(args, async (connection) => {
    if (!fanOut) return enqueueEvents(connection, campaignId, events, { attempts: args.attempts });
    const store = await openStoreFromArgs(args, { mustExist: true });
    try {
      return await enqueueToSubscribers(
        connection,
        campaignId,
        events[0]!,
        new SubscriptionTracker({ store }),
        {
          attempts: args.attempts,
        },
      );
    } finally {
      await store.close();
    }
  });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(`${campaignId}\n`);
  const already = result.submitted - result.added;
  process.stderr.write(
    `campaign ${campaignId}: ${result.added} event${result.added === 1 ? '' : 's'} queued` +
      (already > 0 ? `, ${already} already in the campaign` : '') +
      `; run \`proactive-events worker\` to send them\n`,
  );
}

async function validateAll(sources: readonly SourcedEvent[]): Promise<void> {
  const { validateProactiveEvent } = await import('../../generated/validate.js');
  const now = Date.now();
  const lines: string[] = [];
  let invalid = 0;
  for (const { event, source } of sources) {
    const result = validateProactiveEvent(event, { now });
    if (result.valid) continue;
    invalid++;
    for (const issue of result.errors) lines.push(`${source}: ${formatIssue(issue)}`);
  }
  if (invalid > 0) {
    process.stderr.write(`${lines.join('\n')}\n`);
    throw new CliError(
      `${invalid} invalid event${invalid === 1 ? '' : 's'} of ${sources.length}: nothing was enqueued.`,
      ExitCode.failure,
    );
  }
}
