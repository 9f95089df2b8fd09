import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionError } from '../../generator/definitions/problems.js';
import { maxSourceBytes } from '../../generator/definitions/source.js';
import { loadModel } from '../../generator/model/load.js';
import { markerName } from '../../generator/output/ownership.js';
import { writeTree } from '../../generator/output/tree.js';
import { runCapturedCli } from '../support/run-cli.js';
import {
  realDefinitions,
  repoRoot,
  scratchDefinitions,
  snapshotTree,
} from '../support/definitions.js';

const weather = 'events/AMAZON.WeatherAlert.Activated.yaml';
const files = [
  { path: 'a.ts', contents: 'export {};\n' },
  { path: 'sub/b.json', contents: '{}\n' },
];

describe('the output folder: only one generate owns is replaced', () => {
  let dir: string;
  const shown = (path: string) => relative(process.cwd(), path);
  beforeEach(async () => {
    dir = await mkdtemp(join(repoRoot, '.scratch-test-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a missing folder with its marker, and replaces it again', async () => {
    const out = join(dir, 'out');
    await writeTree(out, files);
    await writeTree(out, [files[0]!]);
    expect(await snapshotTree(out)).toHaveProperty(['a.ts']);
    expect((await readdir(out)).sort()).toEqual([markerName, 'a.ts']);
    expect(JSON.parse(await readFile(join(out, markerName), 'utf8')).files).toEqual(['a.ts']);
    expect((await readdir(dir)).sort()).toEqual(['out']);
  });

  it('refuses a folder holding files it did not write, touching nothing', async () => {
    const out = join(dir, 'src');
    await mkdir(out);
    await writeFile(join(out, 'notes.md'), 'mine');
    await expect(writeTree(out, files)).rejects.toThrow(
      `${shown(out)}: holds files generate did not write (a folder generate owns: missing, empty, or holding only what generate wrote, listed in ${markerName}; choose another --out)`,
    );
    expect(await readdir(out)).toEqual(['notes.md']);
  });

  it('refuses a file added to a folder it wrote, naming the file', async () => {
    const out = join(dir, 'out');
    await writeTree(out, files);
    await writeFile(join(out, 'sub', 'notes.md'), 'mine');
    await expect(writeTree(out, files)).rejects.toThrow(
      `${shown(join(out, 'sub', 'notes.md'))}: generate did not write this file, and replacing the output would delete it (`,
    );
    expect(await readFile(join(out, 'sub', 'notes.md'), 'utf8')).toBe('mine');
  });

  it('refuses --out naming a file', async () => {
    const out = join(dir, 'package.json');
    await writeFile(out, '{}');
    await expect(writeTree(out, files)).rejects.toThrow(`${shown(out)}: is a file, not a folder (`);
    expect(await readFile(out, 'utf8')).toBe('{}');
  });

  it('recovers a run killed between its two renames, and removes a killed staging folder', async () => {
    const out = join(dir, 'out');
    await writeTree(out, files);
    // A dead process's leftovers: the old tree moved aside, a staging folder half written.
    const dead = '2147483646-0badc0de';
    const { rename } = await import('node:fs/promises');
    await rename(out, join(dir, `.out.old-${dead}`));
    await mkdir(join(dir, `.out.tmp-${dead}`));
    await writeTree(out, [files[0]!]);
    expect((await readdir(dir)).sort()).toEqual(['out']);
    expect((await readdir(out)).sort()).toEqual([markerName, 'a.ts']);
  });
});

describe('definition files: every one loaded or reported', () => {
  let scratch: Awaited<ReturnType<typeof scratchDefinitions>>;
  // Two schemas are all these cases need; loading the other six would only add time.
  beforeEach(async () => {
    scratch = await scratchDefinitions(realDefinitions, [
      weather,
      'events/AMAZON.OrderStatus.Updated.yaml',
    ]);
  });
  afterEach(() => scratch.dispose());
  const prefix = () => `${relative(process.cwd(), scratch.definitions)}/`;
  async function problems(): Promise<string[]> {
    const error = await loadModel(scratch.definitions).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DefinitionError);
    return (error as DefinitionError).message
      .split('\n')
      .slice(1)
      .map((line) => line.replace(prefix(), ''));
  }

  it('follows a symbolic link and reads a .YAML extension', async () => {
    const target = join(scratch.root, 'elsewhere.yaml');
    await writeFile(target, await readFile(join(scratch.definitions, weather), 'utf8'));
    await scratch.remove(weather);
    await symlink(target, join(scratch.definitions, weather));
    const order = 'events/AMAZON.OrderStatus.Updated';
    await writeFile(
      join(scratch.definitions, `${order}.YAML`),
      await readFile(join(scratch.definitions, `${order}.yaml`), 'utf8'),
    );
    await scratch.remove(`${order}.yaml`);
    expect((await loadModel(scratch.definitions)).events.map((event) => event.name)).toEqual([
      'AMAZON.WeatherAlert.Activated',
      'AMAZON.OrderStatus.Updated',
    ]);
  });

  it('reports a link loop, a broken link and a file that is no definition', async () => {
    await symlink('..', join(scratch.definitions, 'events', 'loop'));
    await symlink('missing.yaml', join(scratch.definitions, 'events', 'broken.yaml'));
    await writeFile(join(scratch.definitions, 'events', 'notes.txt'), 'hi');
    expect(await problems()).toEqual([
      'events/broken.yaml: is a broken symbolic link (a link to an existing file)',
      'events/loop: symbolic links lead back to a folder already read (a link that forms no loop)',
      'events/notes.txt: is not an event definition (a .yaml, .yml or .json file)',
    ]);
  });

  it('reports an alias bomb where it starts', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of ['b', 'c', 'd', 'e']) {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    await scratch.write(weather, `${levels.join('\n')}\n`);
    expect(await problems()).toEqual([
      `${weather}:2:8: /: the aliases expand too many times (at most 100 alias expansions; write the values out)`,
    ]);
  });

  it('reports 87,381 duplicate keys (as many as a file within the size limit holds) without overflowing the stack, listing the first 100', async () => {
    const text = 'a:\n'.repeat(87_381);
    expect(text.length).toBeLessThanOrEqual(maxSourceBytes);
    await scratch.write(weather, text);
    const lines = await problems();
    expect(lines[0]).toBe(
      `${weather}:2:1: /: this key is already used in the same map (unique keys)`,
    );
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe('… and 87280 more');
  });

  it('refuses a file larger than a definition can be, before parsing it', async () => {
    await scratch.write(weather, 'a: 1\n'.repeat(200_001));
    expect(await problems()).toEqual([
      `${weather}: is 1,000,005 bytes; a definition file has at most 262,144 (Amazon's largest about 5,000)`,
    ]);
  });

  it('reports a pattern invalid with or without the u flag where it stands', async () => {
    await scratch.edit(weather, (text) =>
      text.replace(
        '        localizable: true\n',
        '        localizable: true\n        pattern: "a{1"\n',
      ),
    );
    expect(await problems()).toEqual([
      `${weather}:17:18: /payload/weatherAlert/properties/source/pattern: the pattern is not a valid regular expression with the u flag: Incomplete quantifier (a JavaScript regular expression valid with and without the u flag)`,
    ]);
  });

  it('checks examples by the rules of validateProactiveEvent', async () => {
    const text = await readFile(join(scratch.definitions, weather), 'utf8');
    const timestamp = /timestamp: '?([0-9T:.Z+-]+)'?/.exec(text)![1]!;
    const oneMinute = new Date(Date.parse(timestamp) + 60_000).toISOString().replace('.000', '');
    await scratch.write(
      weather,
      text.replace(/expiryTime: '?[0-9T:.Z+-]+'?/, `expiryTime: '${oneMinute}'`),
    );
    const lines = await problems();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^events\/AMAZON\.WeatherAlert\.Activated\.yaml:\d+:\d+: \/examples\/0\/event\/expiryTime: the example fails validateProactiveEvent: expiryTime is 1 minute after timestamp; set it between 5 minutes and 24 hours after timestamp\. \(expiry-window\)$/,
    );
  });
});

describe('generate end to end', () => {
  it('refuses --out naming a file in one line, exit 1, writing nothing', async () => {
    const dir = await mkdtemp(join(repoRoot, '.scratch-test-'));
    try {
      const out = join(dir, 'notes.md');
      await writeFile(out, 'mine');
      const run = await runCapturedCli(['generate', '--out', out]);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toBe(
        `${relative(process.cwd(), out)}: is a file, not a folder (a folder generate owns: missing, empty, or holding only what generate wrote, listed in ${markerName}; choose another --out)\nNothing was written.\n`,
      );
      expect(await readdir(dir)).toEqual(['notes.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
