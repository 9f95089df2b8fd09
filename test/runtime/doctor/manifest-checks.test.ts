import { describe, expect, it } from 'vitest';
import { diagnose, ManifestReadError, readManifestFile } from '../../../runtime/doctor/index.js';
import { NOW, generatedInputs, orderEvent } from '../../support/doctor-fixtures.js';

const fixtures = 'test/fixtures/manifest';
const PERMISSION = 'alexa::devices:all:notifications:write';
const SUBSCRIPTION = 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED';

async function manifestChecks(file: string, event: unknown = orderEvent()) {
  const report = await diagnose({ ...generatedInputs, event, manifest: file, now: NOW });
  return report.checks.filter((entry) => entry.group === 'manifest');
}

describe('manifest checks', () => {
  it('passes a skill.json that declares the permission, the publication and the subscription', async () => {
    const file = `${fixtures}/ask-cli/expected.skill.json`;
    expect(await manifestChecks(file)).toEqual([
      {
        id: 'manifest.permission',
        group: 'manifest',
        title: 'notifications permission',
        status: 'ok',
        cause: `${file} declares ${PERMISSION}.`,
        fix: null,
      },
      {
        id: 'manifest.publication',
        group: 'manifest',
        title: 'publication',
        status: 'ok',
        cause: `${file} publishes AMAZON.OrderStatus.Updated.`,
        fix: null,
      },
      {
        id: 'manifest.subscription',
        group: 'manifest',
        title: 'subscription event',
        status: 'ok',
        cause: `${file} subscribes to ${SUBSCRIPTION} and names an events endpoint.`,
        fix: null,
      },
    ]);
  });

  it('fails a skill.json that declares none of them, naming the command that fixes it', async () => {
    const file = `${fixtures}/ask-cli/skill.json`;
    const fix = `Run \`proactive-events manifest --events AMAZON.OrderStatus.Updated --write ${file}\`, then deploy the skill.`;
    const checks = await manifestChecks(file);
    expect(checks.map((entry) => [entry.status, entry.cause, entry.fix])).toEqual([
      [
        'fail',
        `${file} does not declare ${PERMISSION} in manifest.permissions, so users cannot turn notifications on for the skill and the token request fails with invalid_scope.`,
        fix,
      ],
      [
        'fail',
        `${file} has no publication for AMAZON.OrderStatus.Updated in manifest.events.publications, so Amazon refuses to deliver it (or the token request fails with invalid_scope).`,
        fix,
      ],
      [
        'fail',
        `${file} does not subscribe to ${SUBSCRIPTION}, so the skill is never told who subscribed and its store stays empty.`,
        fix,
      ],
    ]);
  });

  it('fails a publication for another event and lists what is declared', async () => {
    const file = `${fixtures}/ask-cli/expected.skill.json`;
    const event = orderEvent({
      event: {
        name: 'AMAZON.MessageAlert.Activated',
        payload: {
          state: { status: 'UNREAD' },
          messageGroup: { creator: { name: 'Jane' }, count: 1 },
        },
      },
    });
    const publication = (await manifestChecks(file, event))[1]!;
    expect(publication).toMatchObject({
      status: 'fail',
      details: ['declared: AMAZON.OrderStatus.Updated'],
      fix: `Run \`proactive-events manifest --events AMAZON.MessageAlert.Activated --write ${file}\`, then deploy the skill.`,
    });
  });

  it('reads a Jovo project.js without running it, and warns about a missing events endpoint', async () => {
    const file = `${fixtures}/jovo-realistic/expected.project.js`;
    expect((await manifestChecks(file)).map((entry) => [entry.status, entry.cause])).toEqual([
      ['ok', `${file} declares ${PERMISSION}.`],
      ['ok', `${file} publishes AMAZON.OrderStatus.Updated.`],
      [
        'warn',
        `${file} subscribes to ${SUBSCRIPTION} but has no alexaSkill.manifest.events.endpoint, so Alexa has nowhere to send the subscription changes.`,
      ],
    ]);
  });

  it('reads an ES-module project.js', async () => {
    const checks = await manifestChecks(`${fixtures}/jovo-esm/expected.project.js`);
    expect(checks.map((entry) => entry.status)).toEqual(['ok', 'ok', 'warn']);
  });

  it('warns, instead of failing, where names are computed when the file runs', async () => {
    const file = 'test/fixtures/doctor/computed-names.project.js';
    const checks = await manifestChecks(file);
    expect(checks.map((entry) => [entry.status, entry.cause])).toEqual([
      [
        'warn',
        `${file} does not declare the ${PERMISSION} permission literally, and \`NOTIFICATIONS\` at 8:29 is computed when the file runs, so it cannot be read from here.`,
      ],
      [
        'warn',
        `${file} does not declare a publication for AMAZON.OrderStatus.Updated literally, and \`...events\` at 11:72 is computed when the file runs, so it cannot be read from here.`,
      ],
      ['ok', `${file} subscribes to ${SUBSCRIPTION} and names an events endpoint.`],
    ]);
  });

  it('warns when a spread in the config may hold alexaSkill', async () => {
    const file = `${fixtures}/refused/spread.js`;
    const checks = await manifestChecks(file);
    expect(checks.map((entry) => entry.status)).toEqual(['warn', 'warn', 'warn']);
    expect(checks[0]!.cause).toContain('`...base` at 4:3 is computed when the file runs');
  });

  it('fails a project.js without a manifest and points at Jovo stages that define their own', async () => {
    const checks = await manifestChecks(`${fixtures}/refused/two-alexa-skills.js`);
    expect(checks.map((entry) => entry.status)).toEqual(['fail', 'fail', 'fail']);
    expect(checks[0]!.details).toEqual([
      'Jovo stages dev define their own alexaSkill, merged over this one when deployed to that stage: check them too.',
    ]);
  });

  it('refuses unreadable files with one line naming file, line and column', async () => {
    const read = (file: string) =>
      readManifestFile(file).then(
        () => 'read',
        (error: Error) => `${error.name}: ${error.message}`,
      );
    expect(await read(`${fixtures}/refused/syntax-error.js`)).toBe(
      `ManifestReadError: ${fixtures}/refused/syntax-error.js:6:5: not valid JavaScript: Unexpected token`,
    );
    expect(await read(`${fixtures}/refused/syntax-error.json`)).toMatch(
      new RegExp(
        `^ManifestReadError: ${fixtures}/refused/syntax-error\\.json:4:3: malformed JSON: `,
      ),
    );
    expect(await read(`${fixtures}/refused/not-an-object.js`)).toBe(
      `ManifestReadError: ${fixtures}/refused/not-an-object.js:1:18: the exported config is not an object literal, so it cannot be read without running it`,
    );
    expect(await read(`${fixtures}/missing.json`)).toBe(
      `ManifestReadError: ${fixtures}/missing.json: cannot read the manifest: no such file`,
    );
    await expect(readManifestFile(`${fixtures}/refused/syntax-error.js`)).rejects.toBeInstanceOf(
      ManifestReadError,
    );
  });

  it('skips the manifest checks without a manifest', async () => {
    const checks = await manifestChecks(undefined as unknown as string);
    expect(checks.map((entry) => entry.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });
});
