/**
 * What the package test's steps share: running a command with a deadline, creating a fresh project
 * outside the repository (so nothing resolves through the repository's node_modules), installing
 * the packed tarball from the warm npm cache, and counting steps.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository's own tools, by absolute path: fresh projects never install them. */
export const tools = {
  tsc: join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
  esbuild: join(repoRoot, 'node_modules', '.bin', 'esbuild'),
};

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

/** Runs a command to completion (never through a shell); a command past its deadline is killed. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const { cwd, env = {}, input, timeoutMs = 120_000 } = options;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolvePromise({
        code: code ?? 128,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: signal === null ? stderr : `${stderr}\n(killed by ${signal} after ${timeoutMs} ms)`,
      });
    });
    child.stdin.end(input ?? '');
  });
}

/** A failure with what went wrong, plus the output of the command that went wrong, trimmed. */
export class StepFailure extends Error {}

export function describeRun(what: string, result: RunResult): string {
  const tail = (text: string) => text.trim().split('\n').slice(-15).join('\n    ');
  return [
    `${what} exited ${result.code}`,
    result.stdout.trim() ? `  stdout:\n    ${tail(result.stdout)}` : '',
    result.stderr.trim() ? `  stderr:\n    ${tail(result.stderr)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Runs and insists on `expectedCode` (0 unless told). */
export async function runExpecting(
  command: string,
  args: readonly string[],
  options: RunOptions & { expectedCode?: number },
): Promise<RunResult> {
  const result = await run(command, args, options);
  const expected = options.expectedCode ?? 0;
  if (result.code !== expected) {
    throw new StepFailure(
      describeRun(`${[command, ...args].join(' ')} (expected exit ${expected})`, result),
    );
  }
  return result;
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new StepFailure(`${what}: expected ${e}, got ${a}`);
}

/** Node prints these for experimental features (require(esm) on some versions) and deprecations. */
export function checkNoWarnings(result: RunResult, what: string): void {
  const warning = /\b(ExperimentalWarning|DeprecationWarning|Warning:)/.exec(result.stderr);
  check(!warning, `${what} printed a warning: ${result.stderr.trim()}`);
}

/** A stack trace frame reaching a user. */
export function checkNoStack(result: RunResult, what: string): void {
  check(
    !/^\s+at .+:\d+:\d+\)?$/m.test(result.stderr),
    `${what} printed a stack trace:\n${result.stderr}`,
  );
}

/** A new project folder with its package.json and files (paths relative to the folder). */
export function createProject(
  root: string,
  name: string,
  packageJson: Record<string, unknown>,
  files: Record<string, string> = {},
): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, ...packageJson }, null, 2)}\n`,
  );
  writeProjectFiles(dir, files);
  return dir;
}

export function writeProjectFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** `npm install` from the warm cache only (the registry is asked only for what it lacks). */
export async function npmInstall(dir: string, specs: readonly string[]): Promise<RunResult> {
  return runExpecting(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
    { cwd: dir, timeoutMs: 180_000 },
  );
}

/**
 * Links packages from the repository's node_modules into a project: better-sqlite3 is a native
 * peer the user installs, and compiling it again per project would dominate the run.
 */
export function linkFromRepo(dir: string, names: readonly string[]): void {
  for (const name of names) {
    symlinkSync(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
}

export const sqlitePackages = ['better-sqlite3', 'bindings', 'file-uri-to-path'] as const;

/** Counts steps and prints one line for each. */
export class StepCounter {
  passed = 0;
  failed = 0;
  readonly failures: string[] = [];

  /** Runs `body`; it returns the text after `ok: ` or throws what went wrong. */
  async step(name: string, body: () => Promise<string | void>): Promise<boolean> {
    const started = performance.now();
    try {
      const detail = await body();
      const ms = Math.round(performance.now() - started);
      this.passed += 1;
      process.stdout.write(`ok: ${name}${detail ? ` — ${detail}` : ''} (${ms} ms)\n`);
      return true;
    } catch (error) {
      this.failed += 1;
      const message =
        error instanceof StepFailure ? error.message : String((error as Error)?.stack ?? error);
      this.failures.push(name);
      process.stdout.write(`FAILED: ${name}\n  ${message.replace(/\n/g, '\n  ')}\n`);
      return false;
    }
  }
}
