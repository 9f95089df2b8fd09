// Shared plumbing for the local test servers: a free port, a temp dir, a child process that is
// waited for until it answers and stopped (then its dir removed) exactly once.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A started server: where it listens and how to stop it. */
export interface RunningService {
  /** `postgres`, `redis` or `dynamodb`. */
  readonly name: string;
  /** Connection URL (postgres://…, redis://…) or endpoint (http://…) on 127.0.0.1. */
  readonly url: string;
  /** Port on 127.0.0.1 the server listens on. */
  readonly port: number;
  /** Temp directory holding the server's data; removed by stop(). */
  readonly dir: string;
  /** Stops the process (waits for it to exit) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it; the server binds it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `proactive-events-${name}-`));
}

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  port: number;
  dir: string;
  url: string;
  /** Resolves true once the server answers; polled until `timeoutMs`. */
  ready: () => Promise<boolean>;
  timeoutMs?: number;
  /** Signal that makes the server shut down promptly and cleanly. */
  stopSignal?: NodeJS.Signals;
}

/** Spawns the server, waits until `ready()` answers, and returns its handle; cleans up on failure. */
export async function startService(spec: ServiceSpec): Promise<RunningService> {
  const child = spawn(spec.command, spec.args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...spec.options,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await stopChild(child, exited, spec.stopSignal ?? 'SIGTERM');
      await rm(spec.dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const deadline = Date.now() + (spec.timeoutMs ?? 30_000);
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      const why = spawnError?.message ?? lastLine(stderr) ?? `exited with code ${child.exitCode}`;
      throw new Error(`${spec.name} did not start: ${why}`);
    }
    if (await spec.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${spec.name} did not answer on 127.0.0.1:${spec.port} within ${spec.timeoutMs ?? 30_000} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { name: spec.name, url: spec.url, port: spec.port, dir: spec.dir, stop };
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<void>,
  signal: NodeJS.Signals,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill(signal);
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killTimer);
}

function lastLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1);
}
