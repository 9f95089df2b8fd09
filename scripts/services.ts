// The ONE way the project starts its real test servers (tests, bench, .ci/run, developers):
// PostgreSQL and Redis from Debian's packages, DynamoDB as the dynalite emulator from npm. Each gets
// a temp data dir and a free port on 127.0.0.1, and stop() ends the process and removes the dir.
//
//   tsx scripts/services.ts run [--postgres] [--redis] [--dynamodb] -- CMD ARGS...
//
// starts the named servers (all three when none is named), exports their URLs in the variables
// below, runs CMD, stops the servers and exits with CMD's exit code.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDynalite } from './services/dynalite.js';
import { startPostgres } from './services/postgres.js';
import type { RunningService } from './services/process.js';
import { startRedis } from './services/redis.js';

export { startDynalite, startPostgres, startRedis };
export type { RunningService };

export type ServiceName = 'postgres' | 'redis' | 'dynamodb';

/** Environment variable that carries each server's URL to tests and the bench. */
export const SERVICE_ENV: Record<ServiceName, string> = {
  postgres: 'PROACTIVE_EVENTS_TEST_POSTGRES_URL',
  redis: 'PROACTIVE_EVENTS_TEST_REDIS_URL',
  dynamodb: 'PROACTIVE_EVENTS_TEST_DYNAMODB_ENDPOINT',
};

export const SERVICE_NAMES: readonly ServiceName[] = ['postgres', 'redis', 'dynamodb'];

const STARTERS: Record<ServiceName, () => Promise<RunningService>> = {
  postgres: startPostgres,
  redis: startRedis,
  dynamodb: startDynalite,
};

export function startService(name: ServiceName): Promise<RunningService> {
  return STARTERS[name]();
}

/**
 * Starts the named servers side by side. If any fails the others are stopped again and the first
 * error is thrown, so a caller never has to clean up after a partial start.
 */
export async function startServices(names: readonly ServiceName[]): Promise<RunningService[]> {
  const results = await Promise.allSettled(names.map((name) => startService(name)));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stopAll(started);
    throw failed.reason;
  }
  return started;
}

export async function stopAll(services: readonly RunningService[]): Promise<void> {
  await Promise.all(services.map((service) => service.stop()));
}

function usage(): never {
  process.stderr.write(
    'usage: tsx scripts/services.ts run [--postgres] [--redis] [--dynamodb] -- CMD [ARGS...]\n',
  );
  process.exit(2);
}

async function runCommand(argv: string[]): Promise<number> {
  const separator = argv.indexOf('--');
  if (argv[0] !== 'run' || separator < 0 || separator === argv.length - 1) usage();
  const flags = argv.slice(1, separator);
  const command = argv.slice(separator + 1);
  const names: ServiceName[] = [];
  for (const flag of flags) {
    const name = SERVICE_NAMES.find((candidate) => flag === `--${candidate}`);
    if (!name) usage();
    names.push(name);
  }
  const services = await startServices(names.length ? names : SERVICE_NAMES);
  const env = { ...process.env };
  for (const service of services) env[SERVICE_ENV[service.name as ServiceName]] = service.url;

  const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
  // The command owns the terminal; Ctrl-C reaches it directly, and we clean up once it exits.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((done) => {
    child.once('error', (error) => {
      process.stderr.write(`services: cannot run ${command[0]}: ${error.message}\n`);
      done(127);
    });
    child.once('exit', (exitCode, signal) =>
      done(exitCode ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)),
    );
  });
  await stopAll(services);
  return code;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`services: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
