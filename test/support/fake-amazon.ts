/**
 * A local stand-in for Login with Amazon and the Proactive Events API, on 127.0.0.1 with a free port.
 * Tests script its answers per route (a FIFO queue; when empty, the default behaviour applies), inject
 * faults (resets before or after the request was read or accepted, hangs, 429/5xx, malformed token
 * answers), or let a seeded generator mix them (`mixedFaults`), and read back what it saw (request
 * log, token counter, and which (referenceId, user) pairs it accepted how often).
 *
 * Default behaviour:
 * - `POST /auth/o2/token` (any case): checks the form body against the configured credentials and scope,
 *   issues a new token `<tokenPrefix><n>` valid for `tokenExpiresIn` seconds.
 * - `POST /v1/proactiveEvents[/stages/development]`: 202 with an empty body if the bearer token was
 *   issued and not revoked, otherwise `invalidTokenStatus`; like Amazon, 409 for a referenceId it
 *   already accepted for that user.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './seeded-random.js';

export type Route = 'token' | 'events';

/**
 * - `reset-before-read`: destroy the socket as soon as the request head arrives (body unread);
 * - `reset`: read the request, then destroy the socket without answering (not accepted);
 * - `accept-then-reset`: accept the event (it counts as delivered), then destroy the socket;
 * - `hang`: read the request and never answer (not accepted);
 * - `accept-then-hang`: accept the event and never answer (the client times out).
 */
export type Fault =
  'reset-before-read' | 'reset' | 'accept-then-reset' | 'hang' | 'accept-then-hang';

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Object → JSON; string → sent as is. */
  body?: unknown;
  fault?: Fault;
}

/** Random faults from a seeded generator: each request gets one with the given probability. */
export interface MixedFaults {
  seed: number;
  /** Probability that an event request meets a fault (picked evenly from the event faults). */
  eventRate: number;
  /** Probability that a token request meets a fault (5xx, 429, HTML 200, bad expires_in, reset). */
  tokenRate: number;
}

const EVENT_FAULTS: ScriptedResponse[] = [
  { fault: 'reset-before-read' },
  { fault: 'reset' },
  { fault: 'accept-then-reset' },
  { fault: 'hang' },
  { fault: 'accept-then-hang' },
  {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { code: 'TOO_MANY_REQUESTS', message: 'slow down' },
  },
  { status: 500, body: { code: 'INTERNAL', message: 'oops' } },
  { status: 503, body: 'Service Unavailable' },
];

const TOKEN_FAULTS: ScriptedResponse[] = [
  { status: 500, body: 'Internal error' },
  { status: 429, body: { error: 'slow_down' } },
  {
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<html><body>proxy error</body></html>',
  },
  {
    status: 200,
    body: { access_token: 'Atza|never-valid', expires_in: 'soon', token_type: 'bearer' },
  },
  { status: 200, body: { token_type: 'bearer' } },
  { fault: 'reset' },
];

export interface RecordedRequest {
  route: Route | 'other';
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** When the request arrived (epoch ms). */
  at: number;
}

export interface FakeAmazonOptions {
  clientId?: string;
  clientSecret?: string;
  tokenPrefix?: string;
  tokenExpiresIn?: number;
  invalidTokenStatus?: number;
  /** Keep request bodies in the log (off for benchmarks). Default true. */
  recordBodies?: boolean;
  /** Keep a request log at all (off for benchmarks). Default true. */
  recordRequests?: boolean;
  mixedFaults?: MixedFaults;
  /** Wait this long before answering an event (a slow Amazon). Default 0. */
  eventLatencyMs?: number;
}

export class FakeAmazon {
  readonly requests: RecordedRequest[] = [];
  tokenRequests = 0;
  eventRequests = 0;
  /** Event requests accepted (answered 2xx, or accepted before a fault cut the answer). */
  accepted = 0;
  /** Event requests answered 409 because their (referenceId, user) was accepted before. */
  conflicts = 0;
  /** How often each `referenceId user` pair was accepted: Amazon's side of "exactly once". */
  readonly acceptedKeys = new Map<string, number>();
  readonly options: Required<Omit<FakeAmazonOptions, 'mixedFaults'>> &
    Pick<FakeAmazonOptions, 'mixedFaults'>;
  #random: () => number = Math.random;
  readonly #server: Server;
  readonly #scripts: Record<Route, ScriptedResponse[]> = { token: [], events: [] };
  readonly #validTokens = new Set<string>();
  readonly #sockets = new Set<Socket>();
  #issued = 0;

  private constructor(server: Server, options: FakeAmazonOptions) {
    this.#server = server;
    this.options = {
      clientId: 'amzn1.application-oa2-client.fake',
      clientSecret: 'fake-secret',
      tokenPrefix: 'Atza|fake-token-',
      tokenExpiresIn: 3600,
      invalidTokenStatus: 401,
      recordBodies: true,
      recordRequests: true,
      eventLatencyMs: 0,
      ...options,
    };
    if (options.mixedFaults !== undefined) this.#random = seededRandom(options.mixedFaults.seed);
  }

  static async start(options: FakeAmazonOptions = {}): Promise<FakeAmazon> {
    const server = createServer();
    const fake = new FakeAmazon(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void fake.handle(req, res);
    });
    const sockets = fake.#sockets;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get tokenUrl(): string {
    return `${this.origin}/auth/o2/token`;
  }

  /** Queues answers for a route; each request takes the next one. */
  script(route: Route, ...responses: ScriptedResponse[]): this {
    this.#scripts[route].push(...responses);
    return this;
  }

  /** Tokens issued so far stop working (as if Amazon revoked them). */
  revokeTokens(): void {
    this.#validTokens.clear();
  }

  /** The n-th token this server issues (1-based), for assertions. */
  tokenNumber(n: number): string {
    return `${this.options.tokenPrefix}${n}`;
  }

  eventRequestLog(): RecordedRequest[] {
    return this.requests.filter((r) => r.route === 'events');
  }

  reset(): void {
    this.requests.length = 0;
    this.tokenRequests = 0;
    this.eventRequests = 0;
    this.accepted = 0;
    this.conflicts = 0;
    this.acceptedKeys.clear();
    this.#scripts.token.length = 0;
    this.#scripts.events.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const route: Route | 'other' = /^\/auth\/o2\/token$/i.test(path)
      ? 'token'
      : /^\/v1\/proactiveEvents(\/stages\/development)?$/.test(path)
        ? 'events'
        : 'other';
    const scripted =
      route === 'other' ? undefined : (this.#scripts[route].shift() ?? this.#mixed(route));
    if (scripted?.fault === 'reset-before-read') {
      if (route === 'token') this.tokenRequests++;
      else this.eventRequests++;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (this.options.recordRequests) {
      this.requests.push({
        route,
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: this.options.recordBodies ? body : '',
        at: Date.now(),
      });
    }
    if (route === 'other') return send(res, { status: 404, body: { message: 'not found' } });
    if (route === 'token') this.tokenRequests++;
    else this.eventRequests++;

    if (scripted?.fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (scripted?.fault === 'hang') return;
    if (scripted?.fault === 'accept-then-reset' || scripted?.fault === 'accept-then-hang') {
      // Amazon stored the event; only the answer is lost.
      const answer = this.#defaultEvent(req, body);
      if (answer.status === 202) {
        if (scripted.fault === 'accept-then-reset') req.socket.destroy();
        return;
      }
      return send(res, answer);
    }
    if (scripted !== undefined) {
      // A scripted 2xx on the token route still issues a real token unless a body is given.
      if (route === 'token' && scripted.body === undefined && (scripted.status ?? 200) < 300) {
        return send(res, { ...scripted, body: this.#issue() });
      }
      if (route === 'events' && (scripted.status ?? 202) < 300) this.#accept(body);
      return send(res, { status: route === 'events' ? 202 : 200, ...scripted });
    }
    if (route === 'token') return this.#defaultToken(req, body, res);
    if (this.options.eventLatencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.options.eventLatencyMs));
    }
    return send(res, this.#defaultEvent(req, body));
  }

  /** The next random fault, when mixed faults are on. */
  #mixed(route: Route): ScriptedResponse | undefined {
    const mixed = this.options.mixedFaults;
    if (mixed === undefined) return undefined;
    const rate = route === 'events' ? mixed.eventRate : mixed.tokenRate;
    if (this.#random() >= rate) return undefined;
    const faults = route === 'events' ? EVENT_FAULTS : TOKEN_FAULTS;
    return faults[Math.floor(this.#random() * faults.length)];
  }

  /** The (referenceId, user) key of an event body, `user` being `*` for Multicast. */
  static keyOf(body: string): string {
    try {
      const event = JSON.parse(body) as {
        referenceId?: unknown;
        relevantAudience?: { payload?: { user?: unknown } };
      };
      const user = event.relevantAudience?.payload?.user;
      return `${String(event.referenceId)} ${typeof user === 'string' ? user : '*'}`;
    } catch {
      return '(unparsable)';
    }
  }

  #accept(body: string): void {
    this.accepted++;
    const key = FakeAmazon.keyOf(body);
    this.acceptedKeys.set(key, (this.acceptedKeys.get(key) ?? 0) + 1);
  }

  #defaultToken(req: IncomingMessage, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const contentType = String(req.headers['content-type'] ?? '');
    if (req.method !== 'POST' || !contentType.startsWith('application/x-www-form-urlencoded')) {
      return send(res, {
        status: 400,
        body: { error: 'invalid_request', error_description: 'bad request' },
      });
    }
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== this.options.clientId ||
      form.get('client_secret') !== this.options.clientSecret
    ) {
      return send(res, {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      });
    }
    if (form.get('scope') !== 'alexa::proactive_events') {
      return send(res, {
        status: 400,
        body: { error: 'invalid_scope', error_description: 'An unknown scope was requested' },
      });
    }
    send(res, { status: 200, body: this.#issue() });
  }

  #defaultEvent(req: IncomingMessage, body: string): ScriptedResponse {
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!this.#validTokens.has(token)) {
      return {
        status: this.options.invalidTokenStatus,
        body: { code: 'INVALID_ACCESS_TOKEN', message: 'Access token is not valid.' },
      };
    }
    if (this.acceptedKeys.has(FakeAmazon.keyOf(body))) {
      this.conflicts++;
      return {
        status: 409,
        body: { code: 'CONFLICT', message: 'referenceId already used for this user' },
      };
    }
    this.#accept(body);
    return { status: 202 };
  }

  #issue(): Record<string, unknown> {
    const token = `${this.options.tokenPrefix}${++this.#issued}`;
    this.#validTokens.add(token);
    return {
      access_token: token,
      expires_in: this.options.tokenExpiresIn,
      scope: 'alexa::proactive_events',
      token_type: 'bearer',
    };
  }
}

function send(res: ServerResponse, response: ScriptedResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let text = '';
  if (typeof response.body === 'string') text = response.body;
  else if (response.body !== undefined) {
    text = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(text);
}
