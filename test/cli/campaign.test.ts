// `campaign start|status|failed|wait` and `worker` against a real Redis and the fake Amazon,
// including worker processes killed with SIGKILL in the middle of a campaign.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weatherEvent, USER } from '../support/events.js';
import { FakeAmazon } from '../support/fake-amazon.js';
import { cliProcessArgs, runCapturedCli } from '../support/run-cli.js';
import { serviceUrl } from '../support/services.js';
import { freshPrefix } from '../runtime/campaign/support.js';

const redisUrl = serviceUrl('redis');

describe.skipIf(!redisUrl)('campaign and worker commands', () => {
  let fake: FakeAmazon;
  let dir: string;
  beforeAll(async () => {
    fake = await FakeAmazon.start();
    dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
  });
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  const env = {
    ALEXA_CLIENT_ID: 'amzn1.application-oa2-client.fake',
    ALEXA_CLIENT_SECRET: 'fake-secret',
  };
  const workerArgs = (prefix: string) => [
    'worker',
    '--queue',
    redisUrl!,
    '--prefix',
    prefix,
    '--api-url',
    fake.origin,
    '--token-url',
    fake.tokenUrl,
    '--rate',
    '10000',
    '--until-idle',
  ];

  it('start prints the id, a rerun adds nothing, a worker sends, status/failed/wait report', async () => {
    fake.reset();
    const prefix = freshPrefix();
    const file = join(dir, 'events.json');
    await writeFile(
      file,
      JSON.stringify([weatherEvent('cli-1'), weatherEvent('cli-2'), weatherEvent('cli-3')]),
    );
    const queue = ['--queue', redisUrl!, '--prefix', prefix];

    const first = await runCapturedCli(['campaign', 'start', file, ...queue]);
    expect(first.code).toBe(0);
    const id = first.stdout.trim();
    expect(id).toMatch(/^c[0-9a-f]{15}$/);
    expect(first.stderr).toBe(
      `campaign ${id}: 3 events queued; run \`proactive-events worker\` to send them\n`,
    );
    const again = await runCapturedCli(['campaign', 'start', file, ...queue, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ campaignId: id, submitted: 3, added: 0 });

    // The second event is refused by Amazon for good.
    fake.script('events', {}, { status: 403, body: { message: 'not subscribed' } });
    const worker = await runCapturedCli([...workerArgs(prefix), '--concurrency', '1'], env);
    expect(worker.code).toBe(0);
    expect(worker.stderr).not.toContain('fake-secret');

    const status = await runCapturedCli(['campaign', 'status', id, ...queue, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      campaignId: id,
      total: 3,
      queued: 0,
      active: 0,
      sent: 2,
      failed: 1,
      failedByReason: { 'http-403': 1 },
      settled: true,
    });
    const failed = await runCapturedCli(['campaign', 'failed', id, ...queue, '--json']);
    const failures = JSON.parse(failed.stdout) as {
      referenceId: string;
      reason: string;
      event: unknown;
    }[];
    expect(failures.map((f) => [f.referenceId, f.reason])).toEqual([['cli-2', 'http-403']]);
    const written = JSON.parse(await readFile(file, 'utf8')) as unknown[];
    expect(failures[0]!.event).toEqual(written[1]);

    const wait = await runCapturedCli(['campaign', 'wait', id, ...queue]);
    expect(wait.code).toBe(1);
    expect(wait.stdout.split('\n').slice(0, 5)).toEqual([
      `campaign ${id}: settled, 3 events`,
      '  queued 0  active 0  retrying 0',
      '  sent 2  failed 1',
      '    http-403: 1',
      expect.stringMatching(/^ {2}throughput \d+\.\d events\/s$/),
    ]);
    expect(wait.stderr).toBe(
      `1 event failed: \`proactive-events campaign failed ${id} --json\` lists them\n`,
    );
  });

  it('refuses invalid events before enqueuing anything, and names a missing queue', async () => {
    const prefix = freshPrefix();
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify([weatherEvent('ok-1'), { ...weatherEvent('bad-1'), referenceId: '' }]),
    );
    const run = await runCapturedCli([
      'campaign',
      'start',
      file,
      '--queue',
      redisUrl!,
      '--prefix',
      prefix,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[1\\]: /referenceId: `),
    );
    expect(run.stderr).toMatch(/1 invalid event of 2: nothing was enqueued\.\n$/);
    const unknown = await runCapturedCli([
      'campaign',
      'status',
      'nothing-here',
      '--queue',
      redisUrl!,
      '--prefix',
      prefix,
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'campaign nothing-here: no such campaign in this queue\n',
    ]);
    const noQueue = await runCapturedCli(['campaign', 'status', 'x'], {
      PROACTIVE_EVENTS_QUEUE: undefined,
    });
    expect([noQueue.code, noQueue.stderr]).toEqual([
      2,
      'Name the queue: --queue redis://HOST:PORT (or PROACTIVE_EVENTS_QUEUE).\n',
    ]);
  });

  it('loses nothing when worker processes are killed with SIGKILL mid-campaign', async () => {
    const slow = await FakeAmazon.start({
      recordBodies: false,
      eventLatencyMs: 5,
    });
    try {
      const prefix = freshPrefix();
      const file = join(dir, 'many.json');
      const total = 400;
      await writeFile(
        file,
        JSON.stringify(Array.from({ length: total }, (_, i) => weatherEvent(`kill-${i}`))),
      );
      const started = await runCapturedCli([
        'campaign',
        'start',
        file,
        '--queue',
        redisUrl!,
        '--prefix',
        prefix,
      ]);
      const id = started.stdout.trim();

      const args = [
        ...workerArgs(prefix).map((arg) =>
          arg === fake.origin ? slow.origin : arg === fake.tokenUrl ? slow.tokenUrl : arg,
        ),
        '--lock-ms',
        '1000',
        '--concurrency',
        '8',
      ];
      const first = spawnWorker(args, env);
      while (slow.accepted < 80) await new Promise((r) => setTimeout(r, 5));
      first.child.kill('SIGKILL');
      expect(await first.exit).toBe('SIGKILL');
      const second = spawnWorker(args, env);
      while (slow.accepted < 200) await new Promise((r) => setTimeout(r, 5));
      second.child.kill('SIGKILL');
      expect(await second.exit).toBe('SIGKILL');
      const last = spawnWorker(args, env);
      expect(await last.exit).toBe(0);

      const status = await runCapturedCli([
        'campaign',
        'status',
        id,
        '--queue',
        redisUrl!,
        '--prefix',
        prefix,
        '--json',
      ]);
      const counts = JSON.parse(status.stdout) as { sent: number; failed: number; total: number };
      expect(counts).toMatchObject({ total, sent: total, failed: 0 });
      // Every event accepted exactly once: a resend after a kill was answered 409 and not repeated.
      expect(slow.acceptedKeys.size).toBe(total);
      for (let i = 0; i < total; i++) expect(slow.acceptedKeys.has(`kill-${i} ${USER}`)).toBe(true);
      expect(slow.accepted).toBe(total);
      expect(slow.eventRequests).toBe(total + slow.conflicts);
    } finally {
      await slow.close();
    }
  }, 60_000);
});

function spawnWorker(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; exit: Promise<number | string> } {
  const child = spawn(process.execPath, cliProcessArgs(...args), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve(signal ?? code ?? -1);
    }),
  );
  return { child, exit };
}
