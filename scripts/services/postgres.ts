// PostgreSQL from Debian's packages (/usr/lib/postgresql/N/bin): initdb in a temp dir, then the
// postmaster on a free port of 127.0.0.1. initdb and postgres refuse to run as root, so as root
// both run as the `postgres` system user the Debian package creates (the temp dir is given to it).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chown, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startService, tempDir, type RunningService } from './process.js';

const DEBIAN_ROOT = '/usr/lib/postgresql';
const run = promisify(execFile);

/** The bin directory of the newest PostgreSQL installed from Debian's packages, or undefined. */
export async function postgresBinDir(): Promise<string | undefined> {
  const versions = await readdir(DEBIAN_ROOT).catch(() => [] as string[]);
  const usable = versions
    .filter((version) => existsSync(join(DEBIAN_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return usable[0] === undefined ? undefined : join(DEBIAN_ROOT, usable[0], 'bin');
}

interface Account {
  uid: number;
  gid: number;
}

/** uid/gid of the `postgres` user from /etc/passwd. */
async function postgresAccount(): Promise<Account | undefined> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres' && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

export async function startPostgres(): Promise<RunningService> {
  const bin = await postgresBinDir();
  if (!bin) {
    throw new Error(
      `postgres did not start: no ${DEBIAN_ROOT}/*/bin/initdb (apt-get install -y postgresql)`,
    );
  }
  let account: Account | undefined;
  if (process.getuid?.() === 0) {
    account = await postgresAccount();
    if (!account)
      throw new Error('postgres did not start: running as root and there is no `postgres` user');
  }
  const dir = await tempDir('postgres');
  if (account) await chown(dir, account.uid, account.gid);
  const data = join(dir, 'data');
  const asUser = account ? { uid: account.uid, gid: account.gid } : {};
  // initdb writes its locale defaults from the environment; C keeps it independent of the machine.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  // Asynchronous, so the other servers (and vitest's global setup) start while initdb runs.
  const init = await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    { ...asUser, env, cwd: dir, encoding: 'utf8' },
  ).then(
    () => undefined,
    (error: Error & { stderr?: string }) => error,
  );
  if (init !== undefined) {
    const { rm } = await import('node:fs/promises');
    await rm(dir, { recursive: true, force: true });
    const why = (init.stderr || init.message || '').trim().split('\n').at(-1);
    throw new Error(`postgres did not start: initdb failed: ${why}`);
  }
  const port = await freePort();
  return startService({
    name: 'postgres',
    command: join(bin, 'postgres'),
    args: [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      // A throwaway test server: durability buys nothing here and costs every commit a flush.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    options: { ...asUser, env, cwd: dir },
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // pg_isready exits 0 once the server accepts connections (not while it is still starting up).
    ready: () =>
      run(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).then(
        () => true,
        () => false,
      ),
    // SIGINT is PostgreSQL's "fast shutdown": roll back sessions, exit now.
    stopSignal: 'SIGINT',
  });
}
