/**
 * The benchmark's stand-in for LWA and the events API, run in a worker thread so the server's own
 * work does not share an event loop with the clients being measured. Deliberately minimal (plain JS
 * evaluated in the worker, no loader needed): tokens on `/auth/o2/token` (any case), 202 on the events
 * paths when the bearer token is one it issued, 401 otherwise. Counts requests per route.
 */
import { Worker } from 'node:worker_threads';

const SERVER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const counts = { token: 0, events: 0, accepted: 0, rejected: 0 };
const tokens = new Set();
let issued = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (/^\\/auth\\/o2\\/token$/i.test(req.url)) {
      counts.token++;
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== workerData.clientId || form.get('client_secret') !== workerData.clientSecret) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'invalid_client', error_description: 'bad credentials' }));
      }
      const token = 'Atza|bench-' + ++issued;
      tokens.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ access_token: token, expires_in: 3600, scope: 'alexa::proactive_events', token_type: 'bearer' }));
    }
    if (/^\\/v1\\/proactiveEvents(\\/stages\\/development)?$/.test(req.url)) {
      counts.events++;
      const auth = String(req.headers.authorization || '');
      if (!tokens.has(auth.slice(7)) || body.length === 0) {
        counts.rejected++;
        res.writeHead(401);
        return res.end();
      }
      counts.accepted++;
      res.writeHead(202);
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'counts') parentPort.postMessage({ type: 'counts', counts: { ...counts } });
  if (m === 'reset') { for (const k of Object.keys(counts)) counts[k] = 0; parentPort.postMessage({ type: 'reset' }); }
  if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

export interface BenchCounts {
  token: number;
  events: number;
  accepted: number;
  rejected: number;
}

export class BenchServer {
  readonly origin: string;
  readonly #worker: Worker;

  private constructor(worker: Worker, port: number) {
    this.#worker = worker;
    this.origin = `http://127.0.0.1:${port}`;
  }

  static async start(credentials: {
    clientId: string;
    clientSecret: string;
  }): Promise<BenchServer> {
    const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: credentials });
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: { port: number }) => resolve(m.port));
    });
    return new BenchServer(worker, port);
  }

  get tokenUrl(): string {
    return `${this.origin}/auth/o2/token`;
  }

  #ask<T>(message: string, type: string): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: { type: string } & Record<string, unknown>): void => {
        if (m.type !== type) return;
        this.#worker.off('message', onMessage);
        resolve(m as T);
      };
      this.#worker.on('message', onMessage);
      this.#worker.postMessage(message);
    });
  }

  async counts(): Promise<BenchCounts> {
    return (await this.#ask<{ counts: BenchCounts }>('counts', 'counts')).counts;
  }

  async reset(): Promise<void> {
    await this.#ask('reset', 'reset');
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage('close');
    await exited;
  }
}
