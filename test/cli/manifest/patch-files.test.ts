import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapturedCli } from '../../support/run-cli.js';

const fixtures = join(import.meta.dirname, '../../fixtures/manifest');
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'manifest-patch-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Copies a fixture into the temporary directory and returns its path there. */
async function copy(fixture: string): Promise<string> {
  const target = join(work, fixture.replace(/\//g, '-'));
  await cp(join(fixtures, fixture), target);
  return target;
}

const endpointNote = (file: string, where: string) =>
  `note: ${file} has no ${where}.endpoint. Alexa delivers the subscription event there; add it yourself (your skill's Lambda ARN or HTTPS URL): this command never writes it.\n`;

const cases = [
  {
    name: 'a realistic Jovo v3 project.js with other config and comments',
    fixture: 'jovo-realistic/project.js',
    args: [],
    note: 'alexaSkill.manifest.events',
  },
  {
    name: 'a Jovo v3 project.js without manifest (tabs, no trailing commas)',
    fixture: 'jovo-no-manifest/project.js',
    args: [],
    note: 'alexaSkill.manifest.events',
  },
  {
    name: 'a project.js with a partial block, a hand-added publication and an endpoint',
    fixture: 'jovo-partial/project.js',
    args: ['--events', 'WeatherAlert,OrderStatus'],
    note: undefined,
  },
  {
    name: 'an ESM project.js (export default) with an empty manifest',
    fixture: 'jovo-esm/project.js',
    args: [],
    note: 'alexaSkill.manifest.events',
  },
  {
    name: 'an ASK CLI skill-package/skill.json',
    fixture: 'ask-cli/skill.json',
    args: ['--events', 'OrderStatus'],
    note: undefined,
  },
];

describe('manifest --write', () => {
  for (const { name, fixture, args, note } of cases) {
    it(`patches ${name}; a second run changes nothing`, async () => {
      const file = await copy(fixture);
      const first = await runCapturedCli(['manifest', ...args, '--write', file]);
      expect(first).toEqual({
        code: 0,
        stdout: `Updated ${file}.\n`,
        stderr: note ? endpointNote(file, note) : '',
      });
      const expected = fixture.replace(/([^/]+)$/, 'expected.$1');
      await expect(await readFile(file, 'utf8')).toMatchFileSnapshot(join(fixtures, expected));

      const before = await stat(file);
      const bytes = await readFile(file, 'utf8');
      const second = await runCapturedCli(['manifest', ...args, '--write', file]);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(`${file} is already up to date; nothing was written.\n`);
      expect(await readFile(file, 'utf8')).toBe(bytes);
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(await readdir(work)).toEqual([fixture.replace(/\//g, '-')]);
    });
  }

  it('keeps a hand-added publication of a known schema when asked for another one', async () => {
    const file = await copy('jovo-partial/project.js');
    await runCapturedCli(['manifest', '--events', 'WeatherAlert', '--write', file]);
    const text = await readFile(file, 'utf8');
    expect(text).toContain("{ eventName: 'AMAZON.SocialGameInvite.Available' },");
    expect(text).toContain("{ eventName: 'AMAZON.Custom.NotYetKnown' }, // added by hand");
    expect(text).not.toContain('AMAZON.SportsEvent.Updated');
  });

  it('prints a unified diff with --dry-run and writes nothing', async () => {
    const file = await copy('jovo-partial/project.js');
    const before = await stat(file);
    const run = await runCapturedCli([
      'manifest',
      '--events',
      'WeatherAlert',
      '--write',
      file,
      '--dry-run',
    ]);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `--- ${file}`,
        `+++ ${file}`,
        '@@ -8,11 +8,13 @@',
        "           uri: 'arn:aws:lambda:eu-west-1:123456789012:function:my-skill', // keep: ours, not generated",
        '         },',
        '         publications: [',
        "+          { eventName: 'AMAZON.WeatherAlert.Activated' },",
        '           // the packages we track',
        "           { eventName: 'AMAZON.OrderStatus.Updated' },",
        "           { eventName: 'AMAZON.SocialGameInvite.Available' },",
        "           { eventName: 'AMAZON.Custom.NotYetKnown' }, // added by hand",
        '         ],',
        "+        subscriptions: [{ eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' }],",
        '       },',
        '     },',
        '   },',
        `Dry run: ${file} would change as above; nothing was written.`,
        '',
      ].join('\n'),
    });
    expect(await readFile(file, 'utf8')).toBe(
      await readFile(join(fixtures, 'jovo-partial/project.js'), 'utf8'),
    );
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  const refusals = [
    ['syntax-error.js', ':6:5: not valid JavaScript: Unexpected token'],
    ['syntax-error.json', ':4:3: not valid JSON: Expected double-quoted property name'],
    [
      'two-alexa-skills.js',
      ':7:7: alexaSkill is defined 2 times (lines 2, 7): cannot tell which manifest to update; add the block by hand (see `proactive-events manifest --format jovo`)',
    ],
    [
      'manifest-variable.js',
      ':6:5: alexaSkill.manifest is not an object literal { … } but `manifest`; cannot follow it',
    ],
    [
      'spread.js',
      ':4:3: alexaSkill may come from `...base`, which cannot be followed; write alexaSkill out in the file',
    ],
    [
      'not-an-object.js',
      ":1:18: the exported config is not an object literal but `require('./config/project.js')`; cannot follow it",
    ],
    [
      'no-manifest.json',
      ': no "manifest" object at the top level (an ASK CLI skill-package/skill.json has one)',
    ],
  ] as const;

  for (const [fixture, message] of refusals) {
    it(`refuses ${fixture} with exit 1 and leaves it untouched`, async () => {
      const file = await copy(`refused/${fixture}`);
      const before = await stat(file);
      const run = await runCapturedCli(['manifest', '--write', file]);
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `${file}${message}\nNothing was written.\n`,
      });
      expect(await readFile(file, 'utf8')).toBe(
        await readFile(join(fixtures, 'refused', fixture), 'utf8'),
      );
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(await readdir(work)).toEqual([`refused-${fixture}`]);
    });
  }

  it('answers a missing file, an unknown file kind and --format json with exit 2', async () => {
    const missing = join(work, 'project.js');
    expect(await runCapturedCli(['manifest', '--write', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${missing}: cannot read it (no such file).\n`,
    });
    expect(await runCapturedCli(['manifest', '--write', join(work, 'skill.yaml')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${join(work, 'skill.yaml')}: cannot tell its format from the name; add --format jovo or --format skill-json.\n`,
    });
    expect(
      await runCapturedCli(['manifest', '--format', 'json', '--write', join(work, 'a.json')]),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--write edits a project.js (--format jovo) or a skill.json (--format skill-json), not plain JSON.\n',
    });
  });
});
