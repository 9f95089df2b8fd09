/**
 * `proactive-events doctor`: why did my notification not arrive? Runs `diagnose` with the generated
 * validator, catalog and manifest names, prints the report (text or --json, see
 * docs/doctor.schema.json) and exits 0 when no check failed, 1 when one did, 2 for wrong usage or
 * input that cannot be read.
 */
import type { Argv, CommandModule } from 'yargs';
import { REGIONS, STAGES, type Region, type Stage } from '../../runtime/client/endpoints.js';
import { CliError, ExitCode } from '../errors.js';
import { openStoreFromArgs } from '../subscriptions/store-option.js';

interface DoctorArgs {
  event?: string;
  user?: string;
  manifest?: string;
  store?: string;
  region: Region;
  stage: Stage;
  'api-endpoint'?: string;
  'live-check': boolean;
  json: boolean;
  'api-url'?: string;
  'token-url'?: string;
}

export const doctorCommand: CommandModule<object, DoctorArgs> = {
  command: 'doctor [event]',
  describe:
    'Explain why an event did not arrive: event, manifest, stage, region, subscription, live checks',
  builder: (yargs: Argv) =>
    yargs
      .positional('event', {
        type: 'string',
        describe: 'The event file (one event) that did not arrive',
      })
      .option('user', {
        type: 'string',
        describe: 'The userId to look up (default: the Unicast user of the event)',
      })
      .option('manifest', {
        type: 'string',
        describe: 'The skill manifest: skill.json (ASK CLI) or project.js (Jovo v3)',
      })
      .option('store', {
        type: 'string',
        describe: 'The subscription store the skill writes: sqlite:PATH or a SQLite file path',
      })
      .option('region', {
        choices: REGIONS,
        default: 'NA' as Region,
        describe: 'The region events are sent to',
      })
      .option('stage', {
        choices: STAGES,
        default: 'development' as Stage,
        describe: 'The stage the event was sent to',
      })
      .option('api-endpoint', {
        type: 'string',
        describe: "The user's context.System.apiEndpoint, compared with the region's host",
      })
      .option('live-check', {
        type: 'boolean',
        default: false,
        describe:
          'Request a token and send the event to the development stage (ALEXA_CLIENT_ID / ALEXA_CLIENT_SECRET)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the report as JSON' })
      .option('api-url', {
        type: 'string',
        describe: 'Override the API host for --live-check (testing)',
      })
      .option('token-url', {
        type: 'string',
        describe: 'Override the LWA token URL for --live-check (testing)',
      })
      .example(
        '$0 doctor order.json --manifest skill-package/skill.json --store sqlite:subscriptions.db',
        'Check an event, the manifest and the subscription',
      )
      .example(
        '$0 doctor order.json --live-check',
        'Also request a token and send the event to the development stage',
      ) as unknown as Argv<DoctorArgs>,
  handler: async (argv) => {
    const { diagnose, renderReport, ManifestReadError } =
      await import('../../runtime/doctor/index.js');
    const { validateProactiveEvent } = await import('../../generated/validate.js');
    const { schemas } = await import('../../generated/catalog.js');
    const { notificationsPermission, subscriptionEvent } =
      await import('../../generated/manifest.js');
    const { readEventFile } = await import('../event-files.js');

    let event: unknown;
    if (argv.event !== undefined) {
      const events = await readEventFile(argv.event);
      if (events.length !== 1 || events[0]!.source !== argv.event) {
        throw new CliError(
          `${argv.event}: holds ${events.length} events; doctor checks one event at a time.`,
          ExitCode.usage,
        );
      }
      event = events[0]!.event;
    }
    if (argv.user !== undefined && argv.user.trim() === '') {
      throw new CliError('--user is empty: give a userId (amzn1.ask.account.…).', ExitCode.usage);
    }
    const clientId = process.env.ALEXA_CLIENT_ID?.trim() ?? '';
    const clientSecret = process.env.ALEXA_CLIENT_SECRET?.trim() ?? '';
    const credentials =
      clientId !== '' && clientSecret !== '' ? { clientId, clientSecret } : undefined;

    const store =
      argv.store === undefined
        ? undefined
        : await openStoreFromArgs({ store: argv.store }, { mustExist: true });
    let report;
    try {
      report = await diagnose({
        event,
        eventSource: argv.event,
        validate: validateProactiveEvent,
        schemas,
        manifestNames: { permission: notificationsPermission, subscription: subscriptionEvent },
        manifest: argv.manifest,
        userId: argv.user,
        store,
        storeLabel: argv.store,
        region: argv.region,
        stage: argv.stage,
        apiEndpoint: argv['api-endpoint'],
        credentials,
        liveCheck: argv['live-check'],
        apiUrl: argv['api-url'],
        tokenUrl: argv['token-url'],
      });
    } catch (error) {
      if (error instanceof ManifestReadError || error instanceof TypeError) {
        throw new CliError((error as Error).message, ExitCode.usage);
      }
      throw error;
    } finally {
      await store?.close();
    }
    process.stdout.write(argv.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    if (!report.ok) throw new CliError('', ExitCode.failure);
  },
};
