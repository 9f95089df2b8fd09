/**
 * Sending under faults, end to end: 20,000 events at concurrency 32 through a local fake Amazon that
 * injects a seeded mix of faults (resets before and after the request was read or accepted, hangs,
 * 429/5xx, malformed token answers). The real CLI (`send --journal`) is stopped with SIGINT, resumed
 * and killed with SIGKILL, then resumed to the end. Afterwards every event must be accepted exactly
 * once by the server or reported failed with a reason in the journal; anything else is "unaccounted".
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../runtime/client/journal.js';
import { FakeAmazon } from '../test/support/fake-amazon.js';
import { cliProcessArgs } from '../test/support/run-cli.js';
import { sized } from './scale.js';

const CLIENT_ID = 'amzn1.application-oa2-client.bench-faults';
const CLIENT_SECRET = 'bench-faults-secret';

export interface SendFaultsBenchOptions {
  events?: number;
  concurrency?: number;
  print?: (line: string) => void;
}

function event(i: number, now: number): Record<string, unknown> {
  return {
    timestamp: new Date(now).toISOString(),
    referenceId: `fault${i.toString(36).padStart(6, '0')}`,
    expiryTime: new Date(now + 60 * 60 * 1000).toISOString(),
    event: {
      name: 'AMAZON.WeatherAlert.Activated',
      payload: { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
    },
    localizedAttributes: [{ locale: 'en-US', source: 'Example Weather Corp' }],
    relevantAudience: { type: 'Unicast', payload: { user: `amzn1.ask.account.FAULT${i % 991}` } },
  };
}

export async function runSendFaultsBench(options: SendFaultsBenchOptions = {}): Promise<void> {
  const total = options.events ?? sized(20_000, 600);
  const concurrency = options.concurrency ?? 32;
  const print = options.print ?? ((line: string) => console.log(line));
  const fake = await FakeAmazon.start({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    recordRequests: false,
    mixedFaults: { seed: 20_000, eventRate: 0.05, tokenRate: 0.3 },
  });
  const dir = await mkdtemp(join(tmpdir(), 'pe-bench-faults-'));
  try {
    const now = Date.now();
    const file = join(dir, 'events.json');
    await writeFile(file, JSON.stringify(Array.from({ length: total }, (_, i) => event(i, now))));
    const journal = join(dir, 'send.journal');
    const started = performance.now();

    const send = (args: string[], kill?: { signal: NodeJS.Signals; after: number }) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>(
        (resolve) => {
          const child = spawn(
            process.execPath,
            [
              ...cliProcessArgs('send', ...args),
              '--api-url',
              fake.origin,
              '--token-url',
              fake.tokenUrl,
              '--concurrency',
              String(concurrency),
              '--timeout-ms',
              '500',
            ],
            {
              env: {
                ...process.env,
                ALEXA_CLIENT_ID: CLIENT_ID,
                ALEXA_CLIENT_SECRET: CLIENT_SECRET,
              },
              stdio: ['ignore', 'pipe', 'ignore'],
            },
          );
          let stdout = '';
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
          const base = fake.accepted;
          const timer =
            kill === undefined
              ? undefined
              : setInterval(() => {
                  if (fake.accepted - base >= kill.after) {
                    clearInterval(timer);
                    child.kill(kill.signal);
                  }
                }, 5);
          child.on('close', (code, signal) => {
            clearInterval(timer);
            resolve({ code, signal, stdout });
          });
        },
      );

    const first = await send([file, '--journal', journal], {
      signal: 'SIGINT',
      after: Math.floor(total * 0.3),
    });
    const second = await send(['--resume', journal], {
      signal: 'SIGKILL',
      after: Math.floor(total * 0.3),
    });
    const third = await send(['--resume', journal]);
    const seconds = (performance.now() - started) / 1000;

    const state = readJournal(journal);
    let acceptedOnce = 0;
    let duplicates = 0;
    let failedWithReason = 0;
    let unaccounted = 0;
    for (const e of state.events) {
      const final = state.finished.get(e.index);
      const body = e.body === undefined ? '' : e.body;
      const accepted = fake.acceptedKeys.get(FakeAmazon.keyOf(body)) ?? 0;
      if (final?.state === 'sent' || final?.state === 'duplicate') {
        if (accepted === 1) acceptedOnce++;
        else unaccounted++;
        if (final.state === 'duplicate') duplicates++;
      } else if (final?.state === 'failed' && final.reason && accepted === 0) failedWithReason++;
      else unaccounted++;
    }
    const overAccepted = [...fake.acceptedKeys.values()].filter((n) => n !== 1).length;
    print(`\n## send under faults (${total} events, concurrency ${concurrency}, killed twice)`);
    print(
      `runs: SIGINT → exit ${first.code}; SIGKILL → ${second.signal ?? `exit ${second.code}`}; final resume → exit ${third.code} (${third.stdout.trim()})`,
    );
    print(
      `accepted exactly once: ${acceptedOnce} (${duplicates} confirmed by 409 after an ambiguous attempt); failed with a reason: ${failedWithReason}; unaccounted: ${unaccounted}; accepted more than once: ${overAccepted}`,
    );
    print(
      `server: ${fake.eventRequests} event requests, ${fake.conflicts} answered 409, ${fake.tokenRequests} token requests; ${seconds.toFixed(1)} s`,
    );
    if (unaccounted > 0 || overAccepted > 0 || acceptedOnce + failedWithReason !== total) {
      throw new Error(
        `send under faults: ${unaccounted} events unaccounted, ${overAccepted} accepted twice`,
      );
    }
  } finally {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}
