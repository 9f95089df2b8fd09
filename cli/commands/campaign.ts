/**
 * `proactive-events campaign start|status|failed|wait`: events queued in Redis (BullMQ) for any
 * number of `proactive-events worker` processes to send, with one rate limit for all of them.
 * Exit 0: done; 1: something failed (invalid events, failed sends, timeout); 2: usage.
 */
import type { Argv, CommandModule } from 'yargs';
import { storeOptions } from '../subscriptions/store-option.js';
import { queueOptions } from '../campaign/queue-option.js';
import type { ReportArgs, WaitArgs } from '../campaign/report.js';
import type { StartArgs } from '../campaign/start.js';

const idPositional = <T>(yargs: Argv<T>) =>
  yargs.positional('id', { type: 'string', demandOption: true, describe: 'Campaign id' });

const jsonOption = <T>(yargs: Argv<T>) =>
  yargs.option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of text' });

const start: CommandModule<object, StartArgs> = {
  command: 'start [files..]',
  describe: 'Queue events (FILES, or a template for every subscriber) as a campaign; prints its id',
  builder: (yargs: Argv) =>
    jsonOption(
      storeOptions(queueOptions(yargs))
        .positional('files', { type: 'string', array: true, describe: 'JSON files of events' })
        .option('template', {
          type: 'string',
          requiresArg: true,
          describe: 'One event to send to every subscriber of its event name',
        })
        .option('to-subscribers', {
          type: 'boolean',
          describe: 'With --template: address it to each current subscriber in --store',
        })
        .option('id', {
          type: 'string',
          requiresArg: true,
          describe: 'Campaign id (default: derived from the events, so a rerun adds nothing)',
        })
        .option('attempts', {
          type: 'number',
          default: 5,
          describe: 'Attempts per event for network errors, 429 and 5xx',
        }),
    ) as unknown as Argv<StartArgs>,
  handler: async (args) => (await import('../campaign/start.js')).startCampaign(args),
};

const status: CommandModule<object, ReportArgs> = {
  command: 'status <id>',
  describe: 'Queued, active, sent, failed by reason, throughput',
  builder: (yargs: Argv) =>
    jsonOption(idPositional(queueOptions(yargs))) as unknown as Argv<ReportArgs>,
  handler: async (args) => (await import('../campaign/report.js')).showStatus(args),
};

const failed: CommandModule<object, ReportArgs> = {
  command: 'failed <id>',
  describe: 'The events that finally failed, with their reasons (--json: with the events)',
  builder: (yargs: Argv) =>
    jsonOption(idPositional(queueOptions(yargs))) as unknown as Argv<ReportArgs>,
  handler: async (args) => (await import('../campaign/report.js')).showFailures(args),
};

const wait: CommandModule<object, WaitArgs> = {
  command: 'wait <id>',
  describe: 'Show progress until the campaign is settled (exit 1 if any event failed)',
  builder: (yargs: Argv) =>
    idPositional(queueOptions(yargs)).option('timeout', {
      type: 'number',
      requiresArg: true,
      describe: 'Give up after this many seconds',
    }) as unknown as Argv<WaitArgs>,
  handler: async (args) => (await import('../campaign/report.js')).waitFor(args),
};

export const campaignCommand: CommandModule = {
  command: 'campaign <command>',
  describe: 'Send to many users through a Redis queue and any number of workers',
  builder: (yargs: Argv) =>
    yargs
      .command(start)
      .command(status)
      .command(failed)
      .command(wait)
      .demandCommand(1, 'Name a campaign command: start, status, failed or wait.'),
  handler: () => undefined,
};
