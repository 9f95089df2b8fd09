import { describe, expect, it } from 'vitest';
import { manifestFragment, publishableEvents } from '../../../generated/manifest.js';
import { runCapturedCli } from '../../support/run-cli.js';

const formats = [
  ['jovo', 'jovo.js'],
  ['skill-json', 'skill.json'],
  ['json', 'json'],
] as const;

describe('manifest snippets', () => {
  for (const [format, extension] of formats) {
    it(`prints the ${format} snippet for every schema`, async () => {
      const run = await runCapturedCli(['manifest', '--format', format]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      await expect(run.stdout).toMatchFileSnapshot(
        `../../fixtures/manifest/snippets/all.${extension}`,
      );
    });

    it(`prints the ${format} snippet for a subset, in catalog order whatever the order typed`, async () => {
      const run = await runCapturedCli([
        'manifest',
        '--format',
        format,
        '--events',
        'OrderStatus,AMAZON.WeatherAlert.Activated',
      ]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      await expect(run.stdout).toMatchFileSnapshot(
        `../../fixtures/manifest/snippets/subset.${extension}`,
      );
    });
  }

  it('prints plain JSON by default, equal to the generated manifestFragment()', async () => {
    const run = await runCapturedCli(['manifest']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(manifestFragment());
    expect(manifestFragment().events.publications.map((entry) => entry.eventName)).toEqual([
      ...publishableEvents,
    ]);
  });

  it('takes --events repeated, short names in any case, and ignores duplicates', async () => {
    const run = await runCapturedCli([
      'manifest',
      '--events',
      'weatheralert,OrderStatus',
      '--events',
      'AMAZON.OrderStatus.Updated',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      manifestFragment({ events: ['AMAZON.WeatherAlert.Activated', 'AMAZON.OrderStatus.Updated'] }),
    );
  });

  it('refuses unknown names with exit 2, suggesting the closest known one', async () => {
    const run = await runCapturedCli([
      'manifest',
      '--events',
      'WetherAlert,AMAZON.OrderStatus.Update,Zeppelin',
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        '--events: unknown event "WetherAlert" (did you mean "WeatherAlert"?)',
        '--events: unknown event "AMAZON.OrderStatus.Update" (did you mean "AMAZON.OrderStatus.Updated"?)',
        `--events: unknown event "Zeppelin" (one of ${publishableEvents.join(', ')})`,
        '',
      ].join('\n'),
    });
  });

  it('refuses an empty --events and --dry-run without --write (exit 2)', async () => {
    expect(await runCapturedCli(['manifest', '--events', ','])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--events names no schema (a comma-separated list).\n',
    });
    expect(await runCapturedCli(['manifest', '--dry-run'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--dry-run shows what --write would change: add --write FILE.\n',
    });
  });
});
