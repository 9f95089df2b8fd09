/**
 * `send` killed with SIGINT and with SIGKILL at seeded random points, then resumed from its journal,
 * against a fake Amazon injecting a mix of faults. Asserted on the server side: every
 * (referenceId, user) is accepted exactly once, or the journal reports it failed with a reason.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../../runtime/client/journal.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { USER, weatherEvent } from '../../support/events.js';
import { seededRandom } from '../../support/seeded-random.js';
import { cliProcessArgs } from '../../support/run-cli.js';

const EVENTS = 400;
const CLIENT_ID = 'amzn1.application-oa2-client.kill-test';
const SECRET = 'kill-test-distinctive-secret-77';

let fake: FakeAmazon;
let dir: string;
beforeEach(async () => {
  fake = await FakeAmazon.start({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    recordBodies: false,
    mixedFaults: { seed: 1234, eventRate: 0.1, tokenRate: 0.2 },
  });
  dir = await mkdtemp(join(tmpdir(), 'pe-kill-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; sends `kill` once the server has accepted `killAfter` more events. */
function runSend(
  args: string[],
  kill?: { signal: NodeJS.Signals; killAfter: number },
): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      ...cliProcessArgs('send', ...args),
      '--api-url',
      fake.origin,
      '--token-url',
      fake.tokenUrl,
      // Only the injected hangs should time out; at 300 ms, answers delayed by a busy machine did
      // too, and an accepted event ended as failed after its last attempt timed out.
      '--timeout-ms',
      '1000',
      '--concurrency',
      '16',
    ],
    { env: { ...process.env, ALEXA_CLIENT_ID: CLIENT_ID, ALEXA_CLIENT_SECRET: SECRET } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const start = fake.accepted;
  const timer =
    kill === undefined
      ? undefined
      : setInterval(() => {
          if (fake.accepted - start >= kill.killAfter) {
            clearInterval(timer);
            child.kill(kill.signal);
          }
        }, 2);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('send killed and resumed', () => {
  it('SIGINT then SIGKILL at seeded points, resumed twice: each event accepted once or failed with a reason', async () => {
    const random = seededRandom(42);
    const now = Date.now();
    const events = Array.from({ length: EVENTS }, (_, i) => weatherEvent(`kill${i}`, { now }));
    const file = join(dir, 'events.json');
    await writeFile(file, JSON.stringify(events));
    const journal = join(dir, 'send.journal');

    const first = await runSend([file, '--journal', journal], {
      signal: 'SIGINT',
      killAfter: Math.floor(EVENTS * (0.1 + 0.3 * random())),
    });
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(/^sent \d+, failed \d+, unsent \d+/);
    expect(first.stderr).toContain(`continue with: proactive-events send --resume ${journal}`);

    const second = await runSend(['--resume', journal], {
      signal: 'SIGKILL',
      killAfter: Math.floor(EVENTS * (0.1 + 0.2 * random())),
    });
    expect(second.signal).toBe('SIGKILL');

    const third = await runSend(['--resume', journal]);
    expect([0, 1]).toContain(third.code);
    expect(third.stdout).toMatch(/^sent \d+, failed \d+/);

    const state = readJournal(journal);
    let delivered = 0;
    let failed = 0;
    for (const event of state.events) {
      const final = state.finished.get(event.index);
      const referenceId = `kill${event.index}`;
      const accepted = fake.acceptedKeys.get(`${referenceId} ${USER}`) ?? 0;
      expect(final, `event ${referenceId} has no final state`).toBeDefined();
      if (final?.state === 'failed') {
        failed++;
        // Out of attempts after one that may have reached Amazon, the journal says so.
        expect(
          accepted,
          `${referenceId} failed (${final.reason}) but was accepted`,
        ).toBeLessThanOrEqual(final.maybeDelivered ? 1 : 0);
        expect(final.reason).toBeTruthy();
      } else {
        delivered++;
        expect(accepted, `${referenceId} accepted ${accepted} times`).toBe(1);
      }
    }
    expect(delivered + failed).toBe(EVENTS);
    expect([...fake.acceptedKeys.values()].every((n) => n === 1)).toBe(true);
    for (const run of [first, second, third]) expect(run.stdout + run.stderr).not.toContain(SECRET);
  }, 90_000);
});
