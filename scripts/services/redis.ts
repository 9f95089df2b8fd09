// Redis from Debian's redis-server: no persistence, a temp working dir, a free port on 127.0.0.1.
import { connect } from 'node:net';
import { freePort, startService, tempDir, type RunningService } from './process.js';

export async function startRedis(): Promise<RunningService> {
  const dir = await tempDir('redis');
  const port = await freePort();
  return startService({
    name: 'redis',
    command: 'redis-server',
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    options: { cwd: dir },
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    ready: () => answersPing(port),
  });
}

/** Sends PING in Redis's inline protocol and expects +PONG. */
export function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
