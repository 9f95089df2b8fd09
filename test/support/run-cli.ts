/** Runs the CLI in-process and captures what it writes to stdout and stderr. */
import { runCli } from '../../cli/main.js';
import { childProgram } from './child-bundle.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCapturedCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The arguments of `node` that run the CLI, bundled from source, in a child process. */
export function cliProcessArgs(...args: string[]): string[] {
  return [childProgram('cli'), ...args];
}
