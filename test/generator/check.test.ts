import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventNames } from '../../generated/catalog.js';
import { markerName } from '../../generator/output/ownership.js';
import { compareTree, type TreeDifference } from '../../generator/output/tree.js';
import { runCapturedCli } from '../support/run-cli.js';
import { repoRoot, scratchDefinitions, snapshotTree } from '../support/definitions.js';

const committed = join(repoRoot, 'generated');

/** What `generate --check` compares, case by case: a changed copy of generated/ → the difference. */
const cases: [
  string,
  { given: (out: string) => Promise<unknown>; want: (files: string[]) => TreeDifference },
][] = [
  [
    'an untouched copy',
    { given: async () => undefined, want: () => ({ stale: [], missing: [], extra: [] }) },
  ],
  [
    'a file edited by hand',
    {
      given: (out) => writeFile(join(out, 'catalog.ts'), '// edited\n'),
      want: () => ({ stale: ['catalog.ts'], missing: [], extra: [] }),
    },
  ],
  [
    'a file deleted',
    {
      given: (out) => rm(join(out, 'validate.ts')),
      want: () => ({ stale: [], missing: ['validate.ts'], extra: [] }),
    },
  ],
  [
    'the ownership marker deleted',
    {
      given: (out) => rm(join(out, markerName)),
      want: () => ({ stale: [], missing: [markerName], extra: [] }),
    },
  ],
  [
    'a file generate does not write, in a folder it does not write',
    {
      given: async (out) => {
        await writeFile(join(out, 'leftover.ts'), 'export {};\n');
        await mkdir(join(out, 'notes'));
        await writeFile(join(out, 'notes', 'todo.md'), '- nothing\n');
      },
      want: () => ({ stale: [], missing: [], extra: ['leftover.ts', 'notes/todo.md'] }),
    },
  ],
  [
    'no output folder at all',
    {
      given: (out) => rm(out, { recursive: true }),
      want: (files) => ({ stale: [], missing: [...files, markerName], extra: [] }),
    },
  ],
];

/**
 * The files generate would write, here those of the committed generated/ (marker aside): the
 * comparison is what these cases test. That generated/ is what the definitions generate is proven
 * end to end below; an in-memory emit here would be one more full generate.
 */
async function committedFiles(): Promise<Parameters<typeof compareTree>[1]> {
  const entries = await readdir(committed, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(committed, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== markerName)
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path, contents: await readFile(join(committed, path), 'utf8') })),
  );
}

describe('generate --check, in memory', () => {
  let files: Parameters<typeof compareTree>[1];
  let scratch: string;
  beforeAll(async () => {
    files = await committedFiles();
    scratch = await mkdtemp(join(repoRoot, '.scratch-test-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it.each(cases)('compares %s', async (name, { given, want }) => {
    const out = join(scratch, name.replace(/\W+/g, '-'));
    await cp(committed, out, { recursive: true });
    await given(out);
    const difference = await compareTree(out, files);
    expect(difference).toEqual(want(files.map((file) => file.path)));
  });
});

describe('generate --check, end to end', () => {
  it('exits 1 naming stale, missing and extra files after a definition changes, and writes or deletes nothing', async () => {
    const scratch = await scratchDefinitions();
    try {
      await cp(committed, scratch.out, { recursive: true });
      await scratch.edit('events/AMAZON.OrderStatus.Updated.yaml', (text) => {
        expect(text).toContain("The seller's name");
        return text.replace("The seller's name", 'The name of the seller');
      });
      await rm(join(scratch.out, 'catalog.ts'));
      await writeFile(join(scratch.out, 'leftover.ts'), 'export {};\n');
      const before = await snapshotTree(scratch.root);
      // The comparison is what these cases test: the type-check --check adds by default is
      // generate's own (ninth-schema.test.ts type-checks a new schema's output, and CI runs
      // `generate --check`).
      const run = await runCapturedCli([
        'generate',
        '--check',
        '--no-typecheck',
        '--definitions',
        scratch.definitions,
        '--out',
        scratch.out,
      ]);
      const out = relative(process.cwd(), scratch.out);
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: [
          // The description is in the docs of the schema's builder, field list, types and boolean
          // path, and in its JSON Schema: each file that carries it, and no other, is stale.
          `stale:   ${out}/events/OrderStatusUpdated/builder.ts`,
          `stale:   ${out}/events/OrderStatusUpdated/schema.ts`,
          `stale:   ${out}/events/OrderStatusUpdated/types.ts`,
          `stale:   ${out}/events/OrderStatusUpdated/validate.ts`,
          `stale:   ${out}/schemas/AMAZON.OrderStatus.Updated.schema.json`,
          `missing: ${out}/catalog.ts`,
          `extra:   ${out}/leftover.ts (not generated any more)`,
          `${out}/ is out of date: run \`npm run generate\`.`,
          '',
        ].join('\n'),
      });
      expect(await snapshotTree(scratch.root)).toEqual(before);
      expect((await readdir(scratch.root)).sort()).toEqual(['definitions', 'generated']);
    } finally {
      await scratch.dispose();
    }
    // A full generate (load, emit, format): seconds, more on a busy machine.
  }, 120_000);

  it('exits 0 saying so when the output is up to date', async () => {
    // The committed tree, read only.
    const run = await runCapturedCli([
      'generate',
      '--check',
      '--no-typecheck',
      '--definitions',
      join(repoRoot, 'definitions'),
      '--out',
      committed,
    ]);
    const files = (await committedFiles()).length;
    expect(run).toEqual({
      code: 0,
      stdout: `${relative(process.cwd(), committed)}/ is up to date (${files} files, ${eventNames.length} schemas)\n`,
      stderr: '',
    });
  }, 120_000);
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
    }[];
    // The generated catalog, in its order (Amazon's, then schemas without a position).
    expect(json.map((schema) => schema.name)).toEqual([...eventNames]);
    expect(json.find((schema) => schema.name === 'AMAZON.OrderStatus.Updated')?.locales).toEqual([
      'en-US',
    ]);
  });
});
