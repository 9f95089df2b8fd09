import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCapturedCli } from '../../support/run-cli.js';
import { eventOf } from './events.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preview-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function cli(args: string[], files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const run = await runCapturedCli(['preview', ...args.map((arg) => arg.replace('$DIR', dir))]);
  return { ...run, stderr: run.stderr.replaceAll(dir, '$DIR') };
}

const media = JSON.stringify(
  eventOf(
    'AMAZON.MediaContent.Available',
    {
      availability: { startTime: '2019-06-01T02:00:00Z', method: 'STREAM' },
      content: { name: 'localizedattribute:title', contentType: 'MOVIE' },
    },
    [
      { locale: 'en-US', title: 'Example Movie' },
      { locale: 'de-DE', title: 'Beispielfilm' },
    ],
  ),
  null,
  2,
);

describe('proactive-events preview', () => {
  it('prints the en-US sentence', async () => {
    expect(await cli(['$DIR/media.json'], { 'media.json': media })).toEqual({
      code: 0,
      stdout: 'Example Movie will stream on June 1, 2019.\n',
      stderr: '',
    });
  });

  it('notes a fallback, in every locale with --all, in the time zone asked for', async () => {
    const result = await cli(['$DIR/media.json', '--all', '--time-zone', 'America/New_York'], {
      'media.json': media,
    });
    expect(result.stdout).toBe(
      'en-US: Example Movie will stream on May 31, 2019.\n' +
        'de-DE: Beispielfilm will stream on May 31, 2019. [fallback to en-US]\n',
    );
  });

  it('prints the explanation with --json', async () => {
    const result = await cli(['$DIR/media.json', '--locale', 'de-DE', '--json'], {
      'media.json': media,
    });
    expect(JSON.parse(result.stdout)).toMatchObject({
      locale: 'de-DE',
      variant: 'without-provider',
      fallback: true,
      templateLocale: 'en-US',
    });
  });

  it('exits 1 for an event it cannot preview', async () => {
    expect(await cli(['$DIR/media.json', '--locale', 'fr-FR'], { 'media.json': media })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '$DIR/media.json: cannot preview: /event/payload/content/name: localizedattribute:title has no value for fr-FR: localizedAttributes has no fr-FR entry (an entry {"locale": "fr-FR", "title": "…"})\n',
    });
  });

  it('exits 2 for malformed JSON, naming line and column', async () => {
    const result = await cli(['$DIR/bad.json'], { 'bad.json': '{\n  "event": {,\n}' });
    expect(result.code).toBe(2);
    // The reason is V8's own wording, which changes between Node versions; the place does not.
    expect(result.stderr).toMatch(
      /^\$DIR\/bad\.json:2:13: malformed JSON: [^\n]+ \(an event as JSON\)\n$/,
    );
  });

  it('exits 2 for a missing file, a bad time zone, or --locale with --all', async () => {
    expect((await cli(['$DIR/none.json'], {})).stderr).toBe(
      '$DIR/none.json: cannot read the file (ENOENT)\n',
    );
    expect((await cli(['$DIR/media.json', '--time-zone', 'Mars/Base'], {})).code).toBe(2);
    expect((await cli(['$DIR/media.json', '--all', '--locale', 'en-US'], {})).code).toBe(2);
  });
});
