/**
 * `proactive-events worker`: sends the queued campaigns. Run as many as you like, on as many
 * machines: they share the rate limit and Amazon's 429 pauses through Redis. SIGINT/SIGTERM stop
 * after the events in flight (a second signal abandons them to the queue); SIGKILL loses nothing,
 * the events in flight are retried once their locks expire.
 */
import type { Argv, CommandModule } from 'yargs';
import type { ProactiveEventsClient } from '../../generated/client.js';
import type { Region, Stage } from '../../runtime/client/endpoints.js';
import { endpointOptions } from '../endpoint-options.js';
import { readCredentials } from '../credentials.js';
import { CliError, ExitCode } from '../errors.js';
import {
  campaignError,
  openQueue,
  queueOptions,
  type QueueArgs,
} from '../campaign/queue-option.js';

interface WorkerArgs extends QueueArgs {
  concurrency: number;
  rate: number;
  'lock-ms': number;
  'until-idle': boolean;
  region: Region;
  stage: Stage;
  'api-url'?: string;
  'token-url'?: string;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'Send queued campaign events (run any number of these, anywhere)',
  builder: (yargs: Argv) =>
    endpointOptions(queueOptions(yargs))
      .option('concurrency', {
        type: 'number',
        default: 16,
        describe: 'Events in flight in this process',
      })
      .option('rate', {
        type: 'number',
        default: 100,
        describe: 'Events per second for the whole skill (give every worker the same)',
      })
      .option('lock-ms', {
        type: 'number',
        default: 30_000,
        describe: 'How long a vanished worker holds its events before others retry them',
      })
      .option('until-idle', {
        type: 'boolean',
        default: false,
        describe: 'Exit once no campaign has work left',
      }) as unknown as Argv<WorkerArgs>,
  handler: async (args) => {
    if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 1024) {
      throw new CliError('--concurrency must be an integer from 1 to 1024.', ExitCode.usage);
    }
    if (!(args.rate > 0))
      throw new CliError('--rate must be a positive number of events per second.', ExitCode.usage);
    if (!(args['lock-ms'] >= 1000))
      throw new CliError('--lock-ms must be at least 1000.', ExitCode.usage);
    const { clientId, clientSecret } = readCredentials();
    // The generated client validates with the generated validator; loaded here so that the CLI
    // starts without generated/.
    const { ProactiveEventsClient: Client } = await import('../../generated/client.js');
    const { WORKER_CLIENT_RETRY } = await import('../../runtime/campaign/process-job.js');
    const { startCampaignWorker } = await import('../../runtime/campaign/worker.js');
    let client: ProactiveEventsClient;
    try {
      // One client per process: one cached token, one connection pool for every campaign.
      client = new Client({
        clientId,
        clientSecret,
        region: args.region,
        stage: args.stage,
        apiUrl: args['api-url'],
        tokenUrl: args['token-url'],
        retry: WORKER_CLIENT_RETRY,
      });
    } catch (error) {
      throw new CliError(
        (error as Error).message,
        error instanceof TypeError ? ExitCode.usage : ExitCode.failure,
      );
    }
    const connection = await openQueue(args);
    const log = (line: string) => void process.stderr.write(`worker: ${client.redact(line)}\n`);
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      log(
        signals === 1
          ? `${signal}: finishing the events in flight`
          : `${signal}: leaving the events in flight to the queue`,
      );
      void worker.stop(signals > 1);
    };
    let worker: ReturnType<typeof startCampaignWorker>;
    try {
      worker = startCampaignWorker(connection, {
        send: (event) => client.sendProactiveEvent(event),
        concurrency: args.concurrency,
        ratePerSecond: args.rate,
        lockMs: args['lock-ms'],
        untilIdle: args['until-idle'],
        log,
      });
    } catch (error) {
      await connection.close();
      await client.close();
      throw campaignError(error);
    }
    if (args.stage === 'live') log('sending to the LIVE stage: these events reach real customers');
    log(`started (concurrency ${args.concurrency}, ${args.rate} events/s for the skill)`);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await worker.done;
    } catch (error) {
      throw campaignError(error);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await connection.close();
      await client.close();
      log('stopped');
    }
  },
};
