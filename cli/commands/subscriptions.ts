/**
 * `proactive-events subscriptions apply|list|create-table`: replay ProactiveSubscriptionChanged
 * requests into a subscription store (`--store URL`: SQLite, PostgreSQL, DynamoDB…) and inspect it. Useful to seed a database from logged requests,
 * to check what a request would change, and to see who would receive an event.
 */
import type { Argv, CommandModule } from 'yargs';
import { formatIssues, parseSubscriptionChanged } from '../../runtime/subscriptions/parse.js';
import { SubscriptionTracker } from '../../runtime/subscriptions/tracker.js';
import type { Issue, SubscriptionChange } from '../../runtime/subscriptions/types.js';
import { CliError, ExitCode } from '../errors.js';
import { label, readRequestFiles, type SourcedRequest } from '../subscriptions/input.js';
import { createTable } from '../subscriptions/create-table.js';
import { listAllUsers, listSubscribers } from '../subscriptions/list.js';
import { openStoreFromArgs, storeOptions, type StoreArgs } from '../subscriptions/store-option.js';

interface CommonArgs extends StoreArgs {
  json: boolean;
}
interface ApplyArgs extends CommonArgs {
  requests: string[];
}
interface ListArgs extends CommonArgs {
  event?: string;
}

export interface SubscriptionsCommandOptions {
  /**
   * Loads the event names of the catalog (only when a command needs them, so that the CLI starts
   * without generated/): others are still applied, and flagged as unknown in the output.
   */
  readonly loadKnownEventNames?: () => Promise<readonly string[]>;
}

const write = (text: string) => void process.stdout.write(text);

function commonOptions<T>(yargs: Argv<T>) {
  return storeOptions(yargs).option('json', {
    type: 'boolean',
    default: false,
    describe: 'Print JSON instead of text',
  });
}

/** Validates every request before anything is written: a batch applies completely or not at all. */
function validateAll(
  sources: readonly SourcedRequest[],
  knownEventNames: readonly string[] | undefined,
): {
  changes: { source: SourcedRequest; change: SubscriptionChange }[];
  invalid: { source: SourcedRequest; issues: readonly Issue[] }[];
} {
  const changes: { source: SourcedRequest; change: SubscriptionChange }[] = [];
  const invalid: { source: SourcedRequest; issues: readonly Issue[] }[] = [];
  for (const source of sources) {
    const result = parseSubscriptionChanged(source.request, { knownEventNames });
    if (result.ok) changes.push({ source, change: result.value });
    else invalid.push({ source, issues: result.issues });
  }
  return { changes, invalid };
}

const IGNORED = {
  stale: 'stale: a newer request of this user is recorded',
  duplicate: 'duplicate: this request is already recorded',
} as const;

async function apply(args: ApplyArgs, options: SubscriptionsCommandOptions): Promise<void> {
  const sources = await readRequestFiles(args.requests);
  const knownEventNames = await options.loadKnownEventNames?.();
  const { changes, invalid } = validateAll(sources, knownEventNames);
  if (invalid.length > 0) {
    if (args.json) {
      const report = invalid.map(({ source, issues }) => ({
        file: source.file,
        index: source.index ?? null,
        issues,
      }));
      write(`${JSON.stringify({ applied: 0, invalid: report }, null, 2)}\n`);
    } else {
      for (const { source, issues } of invalid) {
        process.stderr.write(`${label(source)}: invalid request\n`);
        for (const line of formatIssues(issues)) process.stderr.write(`  ${line}\n`);
      }
    }
    const count = invalid.length === 1 ? '1 invalid request' : `${invalid.length} invalid requests`;
    throw new CliError(
      `${count} of ${sources.length}: nothing was applied (the database was not changed).`,
      ExitCode.failure,
    );
  }

  const store = await openStoreFromArgs(args);
  try {
    const tracker = new SubscriptionTracker({ store, knownEventNames });
    const results = [];
    for (const { source, change } of changes) {
      const outcome = await tracker.apply(change);
      results.push({ source, change, outcome });
    }
    const applied = results.filter((r) => r.outcome.applied).length;
    if (args.json) {
      const json = results.map(({ source, change, outcome }) => ({
        file: source.file,
        index: source.index ?? null,
        userId: change.userId,
        requestId: change.requestId,
        timestamp: change.timestamp,
        ...outcome,
        unknownEventNames: change.unknownEventNames,
      }));
      write(
        `${JSON.stringify({ applied, ignored: results.length - applied, results: json }, null, 2)}\n`,
      );
      return;
    }
    for (const { source, change, outcome } of results) {
      const what = outcome.applied
        ? `applied (+${outcome.subscribed.length} -${outcome.unsubscribed.length})` +
          outcome.subscribed.map((name) => `\n  + ${name}`).join('') +
          outcome.unsubscribed.map((name) => `\n  - ${name}`).join('')
        : `ignored (${IGNORED[outcome.reason ?? 'stale']})`;
      write(`${label(source)}: ${change.userId} at ${change.timestamp}: ${what}\n`);
      write(`  now: ${outcome.current.join(', ') || '(no subscriptions)'}\n`);
      if (change.unknownEventNames.length > 0) {
        write(`  unknown event names (kept): ${change.unknownEventNames.join(', ')}\n`);
      }
    }
    write(`${results.length} requests: ${applied} applied, ${results.length - applied} ignored\n`);
  } finally {
    await store.close();
  }
}

async function list(args: ListArgs): Promise<void> {
  // Listing must not create an empty database as a side effect of a typo in the path.
  const store = await openStoreFromArgs(args, { mustExist: true });
  try {
    if (args.event !== undefined) await listSubscribers(store, args.event, args.json, write);
    else await listAllUsers(store, args.json, write);
  } finally {
    await store.close();
  }
}

/** The `subscriptions` command; the integrator passes the catalog's event names. */
export function createSubscriptionsCommand(
  options: SubscriptionsCommandOptions = {},
): CommandModule<object, CommonArgs> {
  return {
    command: 'subscriptions <command>',
    describe:
      'Apply ProactiveSubscriptionChanged requests to a subscription store, list subscribers',
    builder: (yargs) =>
      yargs
        .command<ApplyArgs>(
          'apply <requests..>',
          'Apply request files (each one request or an array) in order; validates all first and ' +
            'applies nothing if any is invalid',
          (y) =>
            commonOptions(y).positional('requests', {
              type: 'string',
              array: true,
              demandOption: true,
              describe: 'JSON files with AlexaSkillEvent.ProactiveSubscriptionChanged requests',
            }) as Argv<ApplyArgs>,
          (args) => apply(args, options),
        )
        .command<ListArgs>(
          'list',
          'List users and their events, or the subscribers of one event, with counts',
          (y) =>
            commonOptions(y).option('event', {
              type: 'string',
              requiresArg: true,
              describe: 'Only the users subscribed to this event',
            }) as Argv<ListArgs>,
          (args) => list(args),
        )
        .command<{ store: string }>(
          'create-table',
          'Create the DynamoDB table of a dynamodb:// store (on-demand capacity; nothing if it exists)',
          (y) =>
            y.option('store', {
              type: 'string',
              demandOption: true,
              requiresArg: true,
              describe: 'dynamodb://TABLE?region=…&endpoint=…',
            }) as Argv<{ store: string }>,
          (args) => createTable(args.store, write),
        )
        .demandCommand(
          1,
          'Name a subscriptions command: apply, list or create-table.',
        ) as Argv<CommonArgs>,
    handler: () => undefined,
  };
}
