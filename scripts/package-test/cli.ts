/**
 * Every CLI command, run as a user runs it: `npx proactive-events …` in a fresh project with the
 * tarball installed. Outputs are compared with what this repository's sources produce.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrderStatusUpdatedEvent } from '../../generated/builders.js';
import { eventNames } from '../../generated/catalog.js';
import { manifestFragment } from '../../generated/manifest.js';
import { generationPackages } from '../../cli/toolchain.js';
import { renderManifest } from '../../runtime/manifest/render.js';
import { FakeAmazon } from '../../test/support/fake-amazon.js';
import {
  check,
  checkEqual,
  checkNoStack,
  createProject,
  describeRun,
  linkFromRepo,
  npmInstall,
  repoRoot,
  run,
  runExpecting,
  sqlitePackages,
  StepFailure,
  tools,
  writeProjectFiles,
  type RunResult,
  type StepCounter,
} from './harness.js';
import { subscriptionRequest } from './sources.js';

const ALICE = 'amzn1.ask.account.ALICE';
const credentials = {
  clientId: 'amzn1.application-oa2-client.package-test',
  clientSecret: 'pkg-test-s3cret',
};
const manifestFixtures = join(repoRoot, 'test', 'fixtures', 'manifest');

/** `npx proactive-events ARGS` in `dir`; a different exit code than `expectedCode` fails the step. */
async function cli(
  dir: string,
  args: readonly string[],
  expectedCode = 0,
  env: Record<string, string> = {},
): Promise<RunResult> {
  const result = await run('npx', ['--no', '--', 'proactive-events', ...args], { cwd: dir, env });
  if (result.code !== expectedCode) {
    throw new StepFailure(
      describeRun(`proactive-events ${args.join(' ')} (expected exit ${expectedCode})`, result),
    );
  }
  checkNoStack(result, `proactive-events ${args.join(' ')}`);
  return result;
}

/** An event that is valid for the next two hours (sending checks it against the clock). */
function freshEvents(): { good: unknown; bad: unknown } {
  const good = createOrderStatusUpdatedEvent({
    payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Example Shop' } } },
    audience: { user: ALICE },
    expiresIn: '2h',
  });
  const bad = structuredClone(good) as { event: { payload: { state: { status: string } } } };
  bad.event.payload.state.status = 'ORDER_LOST';
  return { good, bad };
}

// The packages `generate` checks for, from the CLI itself: the test installs exactly those.
const toolchainPackages = generationPackages;

export async function cliSteps(steps: StepCounter, root: string, tarball: string): Promise<void> {
  const { good, bad } = freshEvents();
  const now = new Date(Date.now() - 60_000).toISOString();
  const dir = createProject(
    root,
    'cli',
    { type: 'module' },
    {
      'good.json': JSON.stringify(good, null, 2),
      'bad.json': JSON.stringify(bad, null, 2),
      'requests.json': JSON.stringify([
        // Recent, or doctor warns that the user's state may be out of date.
        subscriptionRequest(
          ALICE,
          'req-1',
          ['AMAZON.OrderStatus.Updated', 'AMAZON.MessageAlert.Activated'],
          now,
        ),
        subscriptionRequest(
          'amzn1.ask.account.BOB',
          'req-2',
          ['AMAZON.MessageAlert.Activated'],
          now,
        ),
      ]),
    },
  );
  copyFileSync(join(manifestFixtures, 'jovo-realistic', 'project.js'), join(dir, 'project.js'));
  copyFileSync(join(manifestFixtures, 'ask-cli', 'skill.json'), join(dir, 'skill.json'));
  // doctor reads a complete manifest of its own, whatever manifest --write did.
  copyFileSync(
    join(manifestFixtures, 'ask-cli', 'expected.skill.json'),
    join(dir, 'doctor-skill.json'),
  );

  await steps.step('CLI project: npm install of the tarball', async () => {
    await npmInstall(dir, [tarball]);
    linkFromRepo(dir, sqlitePackages);
  });

  await steps.step('proactive-events --help', async () => {
    const { stdout } = await cli(dir, ['--help']);
    const commands = [
      'generate',
      'schemas',
      'validate',
      'preview',
      'manifest',
      'token',
      'send',
      'subscriptions',
      'doctor',
    ];
    const missing = commands.filter(
      (name) => !new RegExp(`^  proactive-events ${name}\\b`, 'm').test(stdout),
    );
    checkEqual(missing, [], 'commands missing from --help');
  });

  await steps.step('proactive-events schemas --json', async () => {
    const { stdout } = await cli(dir, ['schemas', '--json']);
    const listed = (JSON.parse(stdout) as { name: string }[]).map((schema) => schema.name);
    checkEqual(listed, eventNames, 'schema names');
    return `${listed.length} schemas`;
  });

  await steps.step(
    'proactive-events validate: a good file exits 0, a bad one 1 naming the JSON pointer',
    async () => {
      checkEqual(
        (await cli(dir, ['validate', 'good.json'])).stdout,
        '1 event: all valid.\n',
        'validate good.json',
      );
      const rejected = await cli(dir, ['validate', 'bad.json'], 1);
      const output = rejected.stdout + rejected.stderr;
      check(
        output.includes('bad.json: /event/payload/state/status: "ORDER_LOST" is not one of'),
        `validate bad.json did not name the field:\n${output}`,
      );
    },
  );

  await steps.step('proactive-events preview', async () => {
    const { stdout } = await cli(dir, ['preview', 'good.json']);
    checkEqual(stdout, 'Your order from Example Shop has been shipped.\n', 'preview good.json');
  });

  await steps.step('proactive-events manifest --format json|jovo|skill-json', async () => {
    for (const format of ['json', 'jovo', 'skill-json'] as const) {
      const { stdout } = await cli(dir, ['manifest', '--format', format]);
      checkEqual(stdout, renderManifest(manifestFragment(), format), `manifest --format ${format}`);
    }
  });

  await steps.step(
    'proactive-events manifest --write on a project.js and a skill.json (goldens)',
    async () => {
      for (const [file, args, expected] of [
        ['skill.json', ['--events', 'OrderStatus'], 'ask-cli/expected.skill.json'],
        ['project.js', [], 'jovo-realistic/expected.project.js'],
      ] as const) {
        await cli(dir, ['manifest', ...args, '--write', file]);
        const written = readFileSync(join(dir, file), 'utf8');
        check(
          written === readFileSync(join(manifestFixtures, expected), 'utf8'),
          `${file} after manifest --write differs from test/fixtures/manifest/${expected}`,
        );
        const again = await cli(dir, ['manifest', ...args, '--write', file]);
        checkEqual(
          again.stdout,
          `${file} is already up to date; nothing was written.\n`,
          'second --write',
        );
      }
    },
  );

  await fakeAmazonSteps(steps, dir);

  await steps.step('proactive-events subscriptions apply|list (better-sqlite3)', async () => {
    const applied = await cli(dir, ['subscriptions', 'apply', 'requests.json', '--db', 'subs.db']);
    check(
      applied.stdout.endsWith('2 requests: 2 applied, 0 ignored\n'),
      `apply printed:\n${applied.stdout}`,
    );
    const { stdout } = await cli(dir, [
      'subscriptions',
      'list',
      '--db',
      'subs.db',
      '--event',
      'AMAZON.MessageAlert.Activated',
      '--json',
    ]);
    const listed = JSON.stringify(JSON.parse(stdout));
    check(
      listed.includes(ALICE) && listed.includes('amzn1.ask.account.BOB'),
      `list --event AMAZON.MessageAlert.Activated printed:\n${stdout}`,
    );
  });

  await steps.step(
    'proactive-events doctor on an event file (manifest and SQLite store given)',
    async () => {
      const { stdout } = await cli(dir, [
        'doctor',
        'good.json',
        '--manifest',
        'doctor-skill.json',
        '--store',
        'sqlite:subs.db',
        '--json',
      ]);
      const report = JSON.parse(stdout) as {
        summary: { ok: number; fail: number };
        checks: { id: string; status: string }[];
      };
      const statuses = Object.fromEntries(report.checks.map((entry) => [entry.id, entry.status]));
      checkEqual(report.summary.fail, 0, `failed doctor checks (${JSON.stringify(statuses)})`);
      // ALICE subscribed to the event in the store written by subscriptions apply above.
      checkEqual(statuses['subscription.status'], 'ok', 'the subscription check');
      return `${report.summary.ok} checks ok`;
    },
  );

  await generateSteps(steps, dir);
}

/** token and send against a stand-in for Login with Amazon and the events API on 127.0.0.1. */
async function fakeAmazonSteps(steps: StepCounter, dir: string): Promise<void> {
  const amazon = await FakeAmazon.start(credentials);
  const env = {
    ALEXA_CLIENT_ID: credentials.clientId,
    ALEXA_CLIENT_SECRET: credentials.clientSecret,
  };
  try {
    await steps.step('proactive-events token against a local LWA', async () => {
      const { stdout, stderr } = await cli(
        dir,
        ['token', '--json', '--token-url', amazon.tokenUrl],
        0,
        env,
      );
      const answer = JSON.parse(stdout) as { masked: boolean; token_type: string };
      checkEqual([answer.masked, answer.token_type], [true, 'bearer'], 'token --json');
      check(
        !(stdout + stderr).includes(credentials.clientSecret),
        'token printed the client secret',
      );
      checkEqual(amazon.tokenRequests, 1, 'token requests');
    });
    await steps.step('proactive-events send against a local events API', async () => {
      const args = [
        'send',
        'good.json',
        '--api-url',
        amazon.origin,
        '--token-url',
        amazon.tokenUrl,
      ];
      const { stdout, stderr } = await cli(dir, args, 0, env);
      check(
        !(stdout + stderr).includes(credentials.clientSecret),
        'send printed the client secret',
      );
      const posted = amazon.requests.filter((request) => request.route === 'events');
      checkEqual(
        posted.map((request) => [request.path, JSON.parse(request.body)]),
        [
          [
            '/v1/proactiveEvents/stages/development',
            JSON.parse(readFileSync(join(dir, 'good.json'), 'utf8')),
          ],
        ],
        'events the API received',
      );
    });
  } finally {
    await amazon.close();
  }
}

/** generate from the installed package: refused without the toolchain, working with it. */
async function generateSteps(steps: StepCounter, dir: string): Promise<void> {
  const args = [
    'generate',
    '--definitions',
    'node_modules/alexa-proactive-events/definitions',
    '--out',
    'gen',
  ];
  await steps.step(
    'proactive-events generate without the toolchain: exit 2, one line',
    async () => {
      const { stdout, stderr } = await cli(dir, args, 2);
      checkEqual(stdout, '', 'stdout');
      check(stderr.endsWith('\n') && stderr.split('\n').length === 2, `not one line:\n${stderr}`);
      const unnamed = toolchainPackages.filter(
        (name) => !stderr.includes(`npm install --save-dev`) || !stderr.includes(name),
      );
      checkEqual(unnamed, [], 'packages the message does not name');
    },
  );

  await steps.step(
    'proactive-events generate with the toolchain; the output type-checks and runs',
    async () => {
      const pinned = (
        JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
          devDependencies: Record<string, string>;
        }
      ).devDependencies;
      await npmInstall(
        dir,
        toolchainPackages.map((name) => `${name}@${pinned[name]}`),
      );
      // --typecheck: the in-memory check against the installed runtime's declarations, too.
      const generated = await cli(dir, [...args, '--typecheck']);
      check(
        /^Generated \d+ files for \d+ schemas in gen\//.test(generated.stdout),
        `generate printed:\n${generated.stdout}`,
      );
      writeProjectFiles(dir, {
        'use-gen.ts': `
import { createOrderStatusUpdatedEvent, eventNames, previewUtterance, validateProactiveEvent } from './gen/index.js';
declare const console: { log(...values: unknown[]): void };
const event = createOrderStatusUpdatedEvent({
  payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Example Shop' } } },
  audience: 'Multicast',
});
console.log(JSON.stringify({ events: eventNames.length, valid: validateProactiveEvent(event).valid, preview: previewUtterance(event) }));
`,
        'tsconfig.gen.json': `${JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022'],
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            types: [],
            outDir: 'gen-out',
          },
          files: ['use-gen.ts'],
          include: ['gen'],
        })}\n`,
      });
      await runExpecting(process.execPath, [tools.tsc, '-p', 'tsconfig.gen.json'], { cwd: dir });
      const result = await runExpecting('node', ['gen-out/use-gen.js'], { cwd: dir });
      checkEqual(
        JSON.parse(result.stdout),
        {
          events: eventNames.length,
          valid: true,
          preview: 'Your order from Example Shop has been shipped.',
        },
        'gen-out/use-gen.js printed',
      );
    },
  );
}
