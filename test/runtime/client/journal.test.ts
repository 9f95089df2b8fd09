/** The send journal: stop a run, resume it, and nothing is sent twice or lost. */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalError, readJournal } from '../../../runtime/client/journal.js';
import { readOutbox } from '../../../runtime/client/outbox.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { USER, weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

let fake: FakeAmazon;
let dir: string;
beforeEach(async () => {
  fake = await FakeAmazon.start();
  dir = await mkdtemp(join(tmpdir(), 'pe-journal-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const events = (n: number, prefix = 'j'): Record<string, unknown>[] =>
  Array.from({ length: n }, (_, i) => weatherEvent(`${prefix}${i}`));

describe('journal', () => {
  it('records every event, a start before each POST and the final state after', async () => {
    const file = join(dir, 'run.journal');
    const { client } = harness(fake);
    fake.script('events', { status: 400, body: { message: 'bad' } });
    const { summary } = await client.sendMany(events(3), {
      journal: file,
      concurrency: 1,
      sources: ['a.json[0]', 'a.json[1]', 'a.json[2]'],
    });
    expect(summary).toMatchObject({ sent: 2, failed: 1 });
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ journal: 'alexa-proactive-events/send', version: 1 });
    expect(lines.slice(1, 4).map((l) => [l.e, l.source, JSON.parse(l.body).referenceId])).toEqual([
      [0, 'a.json[0]', 'j0'],
      [1, 'a.json[1]', 'j1'],
      [2, 'a.json[2]', 'j2'],
    ]);
    expect(lines.slice(4)).toEqual([
      { ready: 3 },
      { s: 0 },
      {
        d: 0,
        state: 'failed',
        httpStatus: 400,
        reason: 'Amazon answered 400 for event j0 after 1 attempt: bad',
        hint: expect.any(String),
      },
      { s: 1 },
      { d: 1, state: 'sent', httpStatus: 202 },
      { s: 2 },
      { d: 2, state: 'sent', httpStatus: 202 },
    ]);
    // Resuming a finished journal sends nothing.
    const again = await client.resumeJournal(file);
    expect(again.summary).toMatchObject({ total: 0, resumed: { events: 3, sent: 2, failed: 1 } });
    expect(fake.eventRequests).toBe(3);
    await client.close();
  });

  it('a stopped run leaves unsent events; resume sends exactly those, each accepted once', async () => {
    const file = join(dir, 'stop.journal');
    const { client } = harness(fake);
    const controller = new AbortController();
    const first = await client.sendMany(events(200), {
      journal: file,
      concurrency: 4,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 50) controller.abort();
      },
    });
    expect(first.summary.sent).toBeGreaterThanOrEqual(50);
    expect(first.summary.unsent).toBe(200 - first.summary.sent);
    const resumed = await client.resumeJournal(file, { concurrency: 8 });
    expect(resumed.summary).toMatchObject({
      total: first.summary.unsent,
      sent: first.summary.unsent,
      failed: 0,
    });
    expect(fake.acceptedKeys.size).toBe(200);
    expect([...fake.acceptedKeys.values()].every((n) => n === 1)).toBe(true);
    expect(fake.conflicts).toBe(0);
    await client.close();
  });

  it('an event started but never confirmed (killed mid-POST) counts as delivered when the resume gets 409', async () => {
    const file = join(dir, 'killed.journal');
    const { client } = harness(fake);
    await client.sendMany(events(2, 'k'), { journal: file });
    // Simulate a kill after the POST of k1 reached Amazon but before its outcome was written.
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .split('\n')
        .filter((l) => l !== '{"d":1,"state":"sent","httpStatus":202}')
        .join('\n'),
    );
    await appendFile(file, '{"d":0,"sta'); // a line torn by the kill
    const resumed = await client.resumeJournal(file);
    expect(resumed.outcomes).toEqual([
      {
        index: 1,
        referenceId: 'k1',
        status: 'sent',
        httpStatus: 409,
        attempts: 1,
        duplicate: true,
      },
    ]);
    expect(fake.acceptedKeys.get(`k1 ${USER}`)).toBe(1);
    expect(readJournal(file).finished.get(1)).toEqual({ state: 'duplicate', httpStatus: 409 });
    await client.close();
  });

  it('refuses to overwrite a journal, and to resume a file that is not one or was never completed', async () => {
    const file = join(dir, 'x.journal');
    const { client } = harness(fake);
    await client.sendMany(events(1, 'x'), { journal: file });
    await expect(client.sendMany(events(1, 'y'), { journal: file })).rejects.toThrow(
      `${file}: the journal already exists; resume it with --resume, or name a new file`,
    );
    const other = join(dir, 'other.txt');
    await writeFile(other, 'hello\n');
    await expect(client.resumeJournal(other)).rejects.toBeInstanceOf(JournalError);
    const torn = join(dir, 'torn.journal');
    await writeFile(
      torn,
      `${(await readFile(file, 'utf8')).split('\n')[0]}\n{"e":0,"body":"{}"}\n`,
    );
    await expect(client.resumeJournal(torn)).rejects.toThrow(
      /never completed, so that run sent nothing/,
    );
    expect(fake.eventRequests).toBe(1);
    await client.close();
  });

  it('without a journal, a stopped run writes its unsent events to the outbox', async () => {
    const outbox = join(dir, 'outbox.jsonl');
    const { client } = harness(fake);
    const controller = new AbortController();
    controller.abort();
    const { summary } = await client.sendMany(events(3, 'o'), {
      outbox,
      signal: controller.signal,
    });
    expect(summary).toMatchObject({ sent: 0, failed: 0, unsent: 3, outboxed: 3 });
    const entries = await readOutbox(outbox);
    expect(entries.map((e) => (e.event as { referenceId: string }).referenceId)).toEqual([
      'o0',
      'o1',
      'o2',
    ]);
    expect(entries[0]?.reason).toBe(
      'not sent: the run was stopped before this event was confirmed',
    );
    expect(fake.eventRequests).toBe(0);
    await client.close();
  });
});
