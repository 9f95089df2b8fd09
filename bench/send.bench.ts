/**
 * Sending benchmark: our client (undici pool, shared token, sendMany) against the ASK SDK's
 * ProactiveEventsServiceClient, both sending the same Unicast events at the same concurrency to the
 * same local stand-in for LWA and the events API (in a worker thread, see bench-server.ts). Prints events/s for each, the ratio, and how many
 * token requests each made (ours must make exactly one).
 *
 * Our client validates every event with the default (generated) validator, as real users run it. A
 * different validator can be passed; if none is available at all, the bench falls back to accepting
 * everything and says so loudly, because those figures are then not comparable with real use.
 */
import { pathToFileURL } from 'node:url';
import { DefaultApiClient } from 'ask-sdk-core';
import { services } from 'ask-sdk-model';
import { ProactiveEventsClient } from '../runtime/client/client.js';
import { validateProactiveEvent } from '../generated/validate.js';
import type { EventValidator } from '../runtime/client/types.js';
import { BenchServer } from './bench-server.js';
import { sized } from './scale.js';

export interface SendBenchOptions {
  /** Validator for our client; default: the installed default validator. */
  validate?: EventValidator;
  events?: number;
  concurrency?: number;
  /** Events sent once per client before measuring, to warm up the JIT and connections. */
  warmup?: number;
  /** Measured rounds, alternating which client goes first; the median is reported. Default 3. */
  rounds?: number;
  print?: (line: string) => void;
}

const CLIENT_ID = 'amzn1.application-oa2-client.bench';
const CLIENT_SECRET = 'bench-secret';

function benchEvent(i: number, now: number): services.proactiveEvents.CreateProactiveEventRequest {
  return {
    timestamp: new Date(now).toISOString(),
    referenceId: `bench${i.toString(36).padStart(8, '0')}`,
    expiryTime: new Date(now + 60 * 60 * 1000).toISOString(),
    event: {
      name: 'AMAZON.WeatherAlert.Activated',
      payload: { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
    },
    localizedAttributes: [{ locale: 'en-US', source: 'Example Weather Corp' }],
    relevantAudience: { type: 'Unicast', payload: { user: `amzn1.ask.account.BENCH${i % 997}` } },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

async function ours(
  fake: BenchServer,
  events: readonly object[],
  concurrency: number,
  validate: EventValidator,
): Promise<number> {
  const client = new ProactiveEventsClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    apiUrl: fake.origin,
    tokenUrl: fake.tokenUrl,
    validate,
  });
  try {
    const started = performance.now();
    const { summary } = await client.sendMany(events, { concurrency });
    const ms = performance.now() - started;
    if (summary.sent !== events.length) {
      throw new Error(
        `our client sent ${summary.sent} of ${events.length} events (failed ${summary.failed})`,
      );
    }
    return ms;
  } finally {
    await client.close();
  }
}

async function sdk(
  fake: BenchServer,
  events: readonly object[],
  concurrency: number,
): Promise<number> {
  const client = new services.proactiveEvents.ProactiveEventsServiceClient(
    { apiClient: new DefaultApiClient(), apiEndpoint: fake.origin, authorizationValue: '' },
    { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authEndpoint: fake.origin },
  );
  const started = performance.now();
  await runPool(events, concurrency, (event) =>
    client.createProactiveEvent(
      event as services.proactiveEvents.CreateProactiveEventRequest,
      'DEVELOPMENT',
    ),
  );
  return performance.now() - started;
}

export async function runSendBench(options: SendBenchOptions = {}): Promise<void> {
  const count = options.events ?? sized(10_000, 300);
  const concurrency = options.concurrency ?? 32;
  const warmup = options.warmup ?? sized(1_000, 50);
  const rounds = options.rounds ?? sized(3, 1);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const validate = options.validate ?? validateProactiveEvent;
  const validation = options.validate ? 'the given validator' : 'the generated validator';

  const fake = await BenchServer.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  try {
    const now = Date.now();
    const events = Array.from({ length: count }, (_, i) => benchEvent(i, now));
    const warm = Array.from({ length: warmup }, (_, i) => benchEvent(count + i, now));
    if (warmup > 0) {
      await ours(fake, warm, concurrency, validate);
      await sdk(fake, warm, concurrency);
    }

    const oursRuns: number[] = [];
    const sdkRuns: number[] = [];
    const sdkTokenCounts: number[] = [];
    let oursTokens = 0;
    const measureOurs = async (): Promise<void> => {
      await fake.reset();
      oursRuns.push(await ours(fake, events, concurrency, validate));
      const counts = await fake.counts();
      if (counts.token !== 1)
        throw new Error(`our client made ${counts.token} token requests; expected exactly 1`);
      if (counts.accepted !== count)
        throw new Error(`server accepted ${counts.accepted} of ${count} (ours)`);
      oursTokens = counts.token;
    };
    const measureSdk = async (): Promise<void> => {
      await fake.reset();
      sdkRuns.push(await sdk(fake, events, concurrency));
      const counts = await fake.counts();
      if (counts.accepted !== count)
        throw new Error(`server accepted ${counts.accepted} of ${count} (SDK)`);
      sdkTokenCounts.push(counts.token);
    };
    for (let round = 0; round < rounds; round++) {
      // Alternate the order so neither client always runs on a warmer (or busier) machine.
      if (round % 2 === 0) {
        await measureOurs();
        await measureSdk();
      } else {
        await measureSdk();
        await measureOurs();
      }
    }

    const rate = (ms: number): number => Math.round(count / (ms / 1000));
    const oursMs = median(oursRuns);
    const sdkMs = median(sdkRuns);
    print(
      `send bench: ${count} Unicast events, concurrency ${concurrency}, ${rounds} rounds (median), server in a worker thread at ${fake.origin}`,
    );
    print(`  validation (our client): ${validation}`);
    print(
      `  ours (undici pool, sendMany):          ${rate(oursMs)} events/s  (rounds: ${oursRuns.map(rate).join(', ')})  token requests per run: ${oursTokens}`,
    );
    print(
      `  ASK SDK ProactiveEventsServiceClient:  ${rate(sdkMs)} events/s  (rounds: ${sdkRuns.map(rate).join(', ')})  token requests per run: ${sdkTokenCounts.join(', ')}`,
    );
    print(`  ratio ours/SDK (events/s): ${(sdkMs / oursMs).toFixed(2)}×`);
  } finally {
    await fake.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSendBench().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
