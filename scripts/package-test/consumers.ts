/**
 * Consumers of the installed package: an ES module TypeScript project (nodenext, and a bundler
 * type-check), esbuild bundles in both formats (one with the SQLite store), and a CommonJS project
 * (plain require(), TypeScript node16, the ASK SDK adapter with ask-sdk-core installed).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  check,
  checkEqual,
  checkNoWarnings,
  createProject,
  linkFromRepo,
  npmInstall,
  repoRoot,
  runExpecting,
  sqlitePackages,
  tools,
  writeProjectFiles,
  type StepCounter,
} from './harness.js';
import {
  bundleRunner,
  consumerSource,
  expectedConsumerOutput,
  exportedSubpaths,
  handlerInput,
  handlerOutput,
  handlerSource,
  requireSource,
  sqliteHandlerSource,
  subscriptionRequest,
} from './sources.js';

/** Strict, and no @types/node, no DOM and no skipLibCheck: the package's declarations must stand alone. */
const strictNoNode = {
  target: 'ES2022',
  lib: ['ES2022'],
  strict: true,
  types: [],
  outDir: 'out',
  rootDir: 'src',
};

function tsconfig(options: Record<string, unknown>): string {
  return `${JSON.stringify({ compilerOptions: { ...strictNoNode, ...options }, include: ['src'] }, null, 2)}\n`;
}

function parseLastLine(stdout: string): unknown {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? 'null');
}

async function typecheck(dir: string, project: string): Promise<void> {
  await runExpecting(process.execPath, [tools.tsc, '-p', project], { cwd: dir });
}

export async function esmSteps(steps: StepCounter, root: string, tarball: string): Promise<void> {
  const dir = createProject(
    root,
    'esm-ts',
    { type: 'module' },
    {
      'src/main.ts': consumerSource,
      'tsconfig.json': tsconfig({ module: 'nodenext', moduleResolution: 'nodenext' }),
      'tsconfig.bundler.json': tsconfig({
        module: 'preserve',
        moduleResolution: 'bundler',
        noEmit: true,
      }),
      'handler.mjs': handlerSource,
      'sqlite-handler.mjs': sqliteHandlerSource,
    },
  );
  await steps.step('ESM project: npm install of the tarball', async () => {
    await npmInstall(dir, [tarball]);
  });
  await steps.step(
    'ESM TypeScript (nodenext, no @types/node): type-check, compile, run',
    async () => {
      await typecheck(dir, 'tsconfig.json');
      const result = await runExpecting('node', ['out/main.js'], { cwd: dir });
      checkNoWarnings(result, 'node out/main.js');
      checkEqual(parseLastLine(result.stdout), expectedConsumerOutput, 'out/main.js printed');
    },
  );
  await steps.step('TypeScript moduleResolution bundler: type-check', async () => {
    await typecheck(dir, 'tsconfig.bundler.json');
  });

  for (const format of ['esm', 'cjs'] as const) {
    await steps.step(
      `esbuild bundle (${format}, minified) of a build+validate+preview handler: run`,
      async () => {
        const out = `bundles/handler.${format === 'esm' ? 'mjs' : 'cjs'}`;
        await bundle(dir, 'handler.mjs', out, format, []);
        writeProjectFiles(dir, {
          [`run-handler.${format === 'esm' ? 'mjs' : 'cjs'}`]: bundleRunner(
            out,
            format,
            handlerInput,
          ),
        });
        const result = await runExpecting(
          'node',
          [`run-handler.${format === 'esm' ? 'mjs' : 'cjs'}`],
          { cwd: dir },
        );
        checkEqual(parseLastLine(result.stdout), handlerOutput, `${out} answered`);
        return `${statSync(join(dir, out)).size} bytes`;
      },
    );
  }

  linkFromRepo(dir, sqlitePackages);
  for (const format of ['cjs', 'esm'] as const) {
    await steps.step(
      `esbuild ${format} bundle with the SQLite store (better-sqlite3 external): run`,
      async () => {
        const ext = format === 'esm' ? 'mjs' : 'cjs';
        const out = `bundles/sqlite.${ext}`;
        await bundle(dir, 'sqlite-handler.mjs', out, format, ['better-sqlite3']);
        const input = {
          path: join(dir, `subscriptions-${format}.db`),
          request: subscriptionRequest('amzn1.ask.account.ALICE', 'req-1', [
            'AMAZON.OrderStatus.Updated',
          ]),
        };
        writeProjectFiles(dir, { [`run-sqlite.${ext}`]: bundleRunner(out, format, input) });
        const result = await runExpecting('node', [`run-sqlite.${ext}`], { cwd: dir });
        checkEqual(
          parseLastLine(result.stdout),
          { subscribed: ['AMAZON.OrderStatus.Updated'], subscribers: ['amzn1.ask.account.ALICE'] },
          `${out} answered`,
        );
      },
    );
  }
}

/** esbuild from the repository, by path; a warning (import.meta in a CJS bundle, say) fails the step. */
async function bundle(
  dir: string,
  entry: string,
  outfile: string,
  format: 'esm' | 'cjs',
  external: readonly string[],
): Promise<void> {
  const result = await runExpecting(
    tools.esbuild,
    [
      entry,
      '--bundle',
      '--minify',
      '--platform=node',
      '--target=node20',
      `--format=${format}`,
      `--outfile=${outfile}`,
      '--log-level=warning',
      ...external.map((name) => `--external:${name}`),
    ],
    { cwd: dir },
  );
  check(result.stderr.trim() === '', `esbuild warned while bundling ${entry}:\n${result.stderr}`);
}

export async function cjsSteps(steps: StepCounter, root: string, tarball: string): Promise<void> {
  const dir = createProject(
    root,
    'cjs',
    {},
    {
      'require.cjs': requireSource,
      'src/main.ts': consumerSource,
      'tsconfig.json': tsconfig({ module: 'node16', moduleResolution: 'node16' }),
    },
  );
  await steps.step('CommonJS project: npm install of the tarball', async () => {
    await npmInstall(dir, [tarball]);
  });
  await steps.step(
    'plain CommonJS require() of the root and every subpath: build, validate, preview',
    async () => {
      const result = await runExpecting('node', ['require.cjs'], { cwd: dir });
      checkNoWarnings(result, 'node require.cjs');
      checkEqual(
        parseLastLine(result.stdout),
        {
          // Every subpath package.json exports loads by require(), with something in it.
          loaded: Object.fromEntries(exportedSubpaths.map((subpath) => [subpath, true])),
          oneErrorClass: true,
          valid: true,
          preview: 'Your order from Example Shop has been shipped.',
        },
        'require.cjs printed',
      );
      return `no warning on Node ${process.versions.node}`;
    },
  );
  await steps.step(
    'CommonJS TypeScript (module node16, no @types/node): type-check, compile, run',
    async () => {
      await typecheck(dir, 'tsconfig.json');
      const compiled = readFileSync(join(dir, 'out', 'main.js'), 'utf8');
      check(compiled.includes('require("alexa-proactive-events")'), 'out/main.js is not CommonJS');
      const result = await runExpecting('node', ['out/main.js'], { cwd: dir });
      checkNoWarnings(result, 'node out/main.js');
      checkEqual(parseLastLine(result.stdout), expectedConsumerOutput, 'out/main.js printed');
    },
  );
  await askSdkStep(steps, dir);
}

/** The ASK SDK adapter in a CommonJS skill, with the ask-sdk-core the repository pins. */
async function askSdkStep(steps: StepCounter, dir: string): Promise<void> {
  const pinned = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const source = `
import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { MemorySubscriptionStore, SubscriptionTracker } from 'alexa-proactive-events/subscriptions';
import { createSubscriptionChangedHandler } from 'alexa-proactive-events/subscriptions/ask-sdk';

declare const console: { log(...values: unknown[]): void };

const tracker = new SubscriptionTracker({ store: new MemorySubscriptionStore() });
const skill = SkillBuilders.custom().addRequestHandlers(createSubscriptionChangedHandler(tracker)).create();
const request = ${JSON.stringify(subscriptionRequest('amzn1.ask.account.BOB', 'req-2', ['AMAZON.MessageAlert.Activated']))};
skill
  .invoke(request as unknown as RequestEnvelope)
  .then(async (response) => {
    console.log(JSON.stringify({ version: response.version, events: await tracker.subscriptionsOf('amzn1.ask.account.BOB') }));
  });
`;
  await steps.step(
    'ASK SDK adapter (CommonJS TypeScript, ask-sdk-core installed): type-check, run a request',
    async () => {
      await npmInstall(dir, [
        `ask-sdk-core@${pinned.devDependencies['ask-sdk-core']}`,
        `ask-sdk-model@${pinned.devDependencies['ask-sdk-model']}`,
      ]);
      writeProjectFiles(dir, {
        'ask/src/skill.ts': source,
        'ask/tsconfig.json': tsconfig({ module: 'node16', moduleResolution: 'node16' }),
      });
      await typecheck(join(dir, 'ask'), 'tsconfig.json');
      const result = await runExpecting('node', ['ask/out/skill.js'], { cwd: dir });
      checkEqual(
        parseLastLine(result.stdout),
        { version: '1.0', events: ['AMAZON.MessageAlert.Activated'] },
        'the skill answered',
      );
    },
  );
}
