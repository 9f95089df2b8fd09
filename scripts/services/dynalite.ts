// A DynamoDB-compatible server for tests: dynalite (npm, an emulator on LevelDB), as a child process
// so the server does not share an event loop with the code it is measured or tested against. Data
// stays in memory (dynalite's default; LevelDB on disk is several times slower and tests gain
// nothing from it); the temp dir is its working directory.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { freePort, startService, tempDir, type RunningService } from './process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function startDynalite(): Promise<RunningService> {
  const dir = await tempDir('dynalite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startService({
    name: 'dynamodb',
    command: process.execPath,
    args: [
      join(repoRoot, 'node_modules', 'dynalite', 'cli.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      // Tables are ACTIVE at once: the default 500 ms CREATING phase only slows tests down.
      '--createTableMs',
      '0',
      '--deleteTableMs',
      '0',
      '--updateTableMs',
      '0',
    ],
    options: { cwd: dir },
    port,
    dir,
    url,
    ready: () => answersListTables(url),
  });
}

/** A real DynamoDB request (ListTables); dynalite accepts any credentials. */
async function answersListTables(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      'x-amz-date': '20200101T000000Z',
    },
    body: '{}',
    signal: AbortSignal.timeout(1000),
  });
  await response.text();
  return response.ok;
}
