import { join } from 'node:path';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { eventNames } from '../../generated/catalog.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapturedCli } from '../support/run-cli.js';
import { repoRoot, scratchDefinitions, snapshotTree } from '../support/definitions.js';

describe('generate --check', () => {
  let scratch: Awaited<ReturnType<typeof scratchDefinitions>>;
  const check = () =>
    runCapturedCli([
      'generate',
      '--check',
      '--definitions',
      scratch.definitions,
      '--out',
      scratch.out,
    ]);
  const out = () => `${scratch.out.slice(process.cwd().length + 1)}`;

  beforeEach(async () => {
    scratch = await scratchDefinitions();
    // The committed generated/ is what these definitions generate (CI runs generate --check on
    // it), so a copy stands in for a fresh generate at a fraction of the cost.
    await cp(join(repoRoot, 'generated'), scratch.out, { recursive: true });
  });
  afterEach(() => scratch.dispose());

  it('exits 0 when the output is fresh', async () => {
    const run = await check();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      new RegExp(`^.*generated/ is up to date \\(\\d+ files, ${eventNames.length} schemas\\)\n$`),
    );
  });

  it('exits 1 naming the stale files after a definition changes, and writes nothing', async () => {
    await scratch.edit('events/AMAZON.OrderStatus.Updated.yaml', (text) =>
      text.replace("The seller's name", 'The name of the seller'),
    );
    const before = await snapshotTree(scratch.out);
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stale:   ${out()}/events/OrderStatusUpdated/types.ts\n`);
    expect(run.stderr).toContain(`stale:   ${out()}/events/OrderStatusUpdated/schema.ts\n`);
    // One schema's change stays in that schema's files.
    expect(run.stderr).not.toContain(`${out()}/types/index.ts`);
    expect(run.stderr).not.toContain(`${out()}/catalog.ts`);
    expect(run.stderr).toContain(
      `stale:   ${out()}/schemas/AMAZON.OrderStatus.Updated.schema.json\n`,
    );
    expect(run.stderr).toMatch(/is out of date: run `npm run generate`\.\n$/);
    expect(await snapshotTree(scratch.out)).toEqual(before);
  });

  it('names missing and extra files', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(join(scratch.out, 'catalog.ts'));
    await writeFile(join(scratch.out, 'leftover.ts'), 'export {};\n');
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      `missing: ${out()}/catalog.ts`,
      `extra:   ${out()}/leftover.ts (not generated any more)`,
    ]);
  });

  it('leaves the previous output intact when generation fails', async () => {
    const before = await snapshotTree(scratch.out);
    await scratch.edit('envelope.yaml', (text) =>
      text.replace('minMinutes: 5', 'minMinutes: five'),
    );
    const run = await runCapturedCli([
      'generate',
      '--definitions',
      scratch.definitions,
      '--out',
      scratch.out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '/expiryWindow/minMinutes: a string is not allowed here (integer)',
    );
    expect(await snapshotTree(scratch.out)).toEqual(before);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(scratch.root)).sort()).toEqual(['definitions', 'generated']);
    expect(await readFile(join(scratch.definitions, 'envelope.yaml'), 'utf8')).toContain(
      'minMinutes: five',
    );
  });
});

describe('CLI', () => {
  it.each([[['--help']], [['generate', '--help']], [['schemas', '--help']]])(
    '%j prints help and exits 0',
    async (args) => {
      const run = await runCapturedCli(args);
      expect(run.code).toBe(0);
    },
  );

  it('exits 2 with the usage for an unknown command', async () => {
    const run = await runCapturedCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown argument: frobnicate\n$/);
  });

  it('exits 2 without a command', async () => {
    expect((await runCapturedCli([])).code).toBe(2);
  });

  it('lists the schemas with their fields', async () => {
    const run = await runCapturedCli(['schemas']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'AMAZON.TrashCollectionAlert.Activated — The coming collection day and the kinds of garbage collected on it.\n  locales: de-DE,',
    );
    expect(run.stdout).toContain('  alert.garbageTypes[]  enum (required): BOTTLES | BULKY |');
    const json = JSON.parse((await runCapturedCli(['schemas', '--json'])).stdout) as {
      name: string;
      locales: string[];
      fields: { path: string }[];
    }[];
    // Each field with its rules, as the runtime reads them.
    const trash = json.find((schema) => schema.name === 'AMAZON.TrashCollectionAlert.Activated');
    expect(trash?.fields.find((field) => field.path === 'alert.garbageTypes')).toEqual({
      path: 'alert.garbageTypes',
      type: 'array',
      required: true,
      localizable: false,
      description: 'The kinds of garbage collected that day (1 to 5, no repeats).',
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
    });
    // The generated catalog, in its order (Amazon's, then schemas without a position).
    expect(json.map((schema) => schema.name)).toEqual([...eventNames]);
    expect(json.find((schema) => schema.name === 'AMAZON.OrderStatus.Updated')?.locales).toEqual([
      'en-US',
    ]);
  });
});
