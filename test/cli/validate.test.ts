import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliProcessArgs, runCapturedCli } from '../support/run-cli.js';
import { packageRoot } from '../../generator/paths.js';
import { gameInvite, trashCollection, variant } from '../runtime/validation/fixtures.js';

let dir: string;
const file = (name: string, contents: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  return path;
};

/** Runs the validate command in process; resolves to its exit code and what it printed. */
async function run(...argv: string[]) {
  return runCapturedCli(['validate', ...argv]);
}

const expired = variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T14:04:00Z'));
const misplaced = variant(gameInvite, (e) => {
  e.event.payload.invite.inviter.relationshipToInvitee = 'FRIEND';
  delete e.event.payload.invite.relationshipToInvitee;
  e.relevantAudience.payload.user = 'max';
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('proactive-events validate', () => {
  it('exits 0 for valid events, the clock set by --now', async () => {
    const path = file('valid.json', gameInvite);
    expect(await run(path, '--now', '2019-02-13T14:00:00Z')).toEqual({
      code: 0,
      stdout: '1 event: all valid.\n',
      stderr: '',
    });
  });

  it('checks the current time by default and not with --no-clock', async () => {
    const path = file('old.json', gameInvite);
    const byDefault = await run(path);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stdout).toMatch(
      /^.*old\.json: \/expiryTime: expiryTime is \d+ days in the past; .* \(expired\)\n1 event: 1 invalid\.\n$/,
    );
    expect((await run(path, '--no-clock')).code).toBe(0);
  });

  it('prints every problem as file: /pointer: message (code), warnings marked, and exits 1', async () => {
    const path = file('bad.json', misplaced);
    expect(await run(path, '--no-clock')).toEqual({
      code: 1,
      stdout: [
        `${path}: /event/payload/invite/inviter/relationshipToInvitee: relationshipToInvitee belongs at /event/payload/invite/relationshipToInvitee, not inside inviter. (unknown-property)`,
        `${path}: /event/payload/invite/relationshipToInvitee: The required property "relationshipToInvitee" is missing; add one of FRIEND or CONTACT. (required)`,
        `${path}: /relevantAudience/payload/user: warning: "max" does not look like a userId (they start with amzn1.ask.account.); use context.System.user.userId. (audience)`,
        '1 event: 1 invalid.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('reads arrays of events, pointing into the array', async () => {
    const path = file('many.json', [trashCollection, expired]);
    const result = await run(path, '--no-clock');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${path}: /1/expiryTime: expiryTime is 4 minutes after timestamp; set it between 5 minutes and 24 hours after timestamp. (expiry-window)\n2 events: 1 invalid.\n`,
    );
  });

  it('prints [{ file, index, valid, errors, warnings }] with --json', async () => {
    const single = file('single.json', trashCollection);
    const many = file('array.json', [expired]);
    const result = await run(single, many, '--json', '--no-clock');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: single, index: null, valid: true, errors: [], warnings: [] },
      {
        file: many,
        index: 0,
        valid: false,
        errors: [
          {
            path: '/expiryTime',
            code: 'expiry-window',
            message:
              'expiryTime is 4 minutes after timestamp; set it between 5 minutes and 24 hours after timestamp.',
            expected: { minMinutes: 5, maxMinutes: 1440 },
          },
        ],
        warnings: [],
      },
    ]);
  });

  it('reports malformed JSON with line and column, and exits 2', async () => {
    const path = file(
      'broken.json',
      '{\n  "timestamp": "2019-02-13T14:00:00Z",\n  "referenceId": "x",,\n}',
    );
    expect(await run(path)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path}:3:22: malformed JSON: expected a property name, found ","\n`,
    });
  });

  it('reports an unreadable file and exits 2', async () => {
    const path = join(dir, 'missing.json');
    const result = await run(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${path}: cannot read the file (ENOENT: no such file or directory, open '${path}')\n`,
    );
  });

  it.each([
    [
      ['--now', 'tomorrow', 'x.json'],
      '--now "tomorrow" is not an ISO 8601 date-time with a zone (such as 2019-02-13T14:00:00Z).\n',
    ],
    [
      ['--now', '2019-02-13T14:00:00Z', '--no-clock', 'x.json'],
      'Use either --now or --no-clock, not both.\n',
    ],
    [['--bogus', 'x.json'], 'Unknown option --bogus (see --help).\n'],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('exits 2 without a file', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Not enough non-option arguments');
  });

  it('reads stdin for -', () => {
    const child = spawnSync(
      process.execPath,
      [...cliProcessArgs('validate', '-', '--json', '--no-clock')],
      {
        input: JSON.stringify([gameInvite, { ...gameInvite, referenceId: 'a b' }]),
        encoding: 'utf8',
        cwd: packageRoot,
      },
    );
    expect(child.status).toBe(1);
    expect(
      (
        JSON.parse(child.stdout) as {
          file: string;
          index: number;
          valid: boolean;
          errors: { path: string; code: string }[];
        }[]
      ).map((report) => [
        report.file,
        report.index,
        report.valid,
        report.errors.map((issue) => [issue.path, issue.code]),
      ]),
    ).toEqual([
      ['-', 0, true, []],
      ['-', 1, false, [['/referenceId', 'pattern']]],
    ]);
  });
});
