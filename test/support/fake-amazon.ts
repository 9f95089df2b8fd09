/**
 * A local stand-in for Login with Amazon and the Proactive Events API, on 127.0.0.1 with a free port.
 * Tests script its answers per route (a FIFO queue; when empty, the default behaviour applies), inject
 * faults (connection reset, hang), and read back what it saw (request log, token counter).
 *
 * Default behaviour:
 * - `POST /auth/o2/token` (any case): checks the form body against the configured credentials and scope,
 *   issues a new token `<tokenPrefix><n>` valid for `tokenExpiresIn` seconds.
 * - `POST /v1/proactiveEvents[/stages/development]`: 202 with an empty body if the bearer token was
 *   issued and not revoked, otherwise `invalidTokenStatus`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Route = 'token' | 'events';

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Object → JSON; string → sent as is. */
  body?: unknown;
  /** `reset`: destroy the socket without answering; `hang`: never answer. */
  fault?: 'reset' | 'hang';
}

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
  /**
   * Answer 409 to a second event with the same (referenceId, Unicast user), as Amazon does, and
   * record the pairs accepted (`acceptedPairs`). Default false.
   */
  uniqueReferences?: boolean;
  /** Wait this long before answering an event (a slow Amazon). Default 0. */
  eventLatencyMs?: number;
}

export class FakeAmazon {
  readonly requests: RecordedRequest[] = [];
  tokenRequests = 0;
  eventRequests = 0;
  /** Event requests answered 2xx. */
  accepted = 0;
  /** With `uniqueReferences`: every `referenceId user` pair accepted (each once: repeats get 409). */
  readonly acceptedPairs = new Set<string>();
  /** With `uniqueReferences`: event requests answered 409 as duplicates. */
  duplicates = 0;
  readonly options: Required<FakeAmazonOptions>;
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
      uniqueReferences: false,
      eventLatencyMs: 0,
      ...options,
    };
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
    this.acceptedPairs.clear();
    this.duplicates = 0;
    this.#scripts.token.length = 0;
    this.#scripts.events.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const route: Route | 'other' = /^\/auth\/o2\/token$/i.test(path)
      ? 'token'
      : /^\/v1\/proactiveEvents(\/stages\/development)?$/.test(path)
        ? 'events'
        : 'other';
    this.requests.push({
      route,
      method: req.method ?? '',
      path,
      headers: req.headers,
      body: this.options.recordBodies ? body : '',
      at: Date.now(),
    });
    if (route === 'other') return send(res, { status: 404, body: { message: 'not found' } });
    if (route === 'token') this.tokenRequests++;
    else this.eventRequests++;

    const scripted = this.#scripts[route].shift();
    if (scripted?.fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (scripted?.fault === 'hang') return;
    if (scripted !== undefined) {
      // A scripted 2xx on the token route still issues a real token unless a body is given.
      if (route === 'token' && scripted.body === undefined && (scripted.status ?? 200) < 300) {
        return send(res, { ...scripted, body: this.#issue() });
      }
      if (route === 'events' && (scripted.status ?? 202) < 300) this.accepted++;
      return send(res, { status: route === 'events' ? 202 : 200, ...scripted });
    }
    if (route === 'token') return this.#defaultToken(req, body, res);
    if (this.options.eventLatencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.options.eventLatencyMs));
    }
    return this.#defaultEvent(req, body, res);
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

  #defaultEvent(req: IncomingMessage, body: string, res: ServerResponse): void {
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!this.#validTokens.has(token)) {
      return send(res, {
        status: this.options.invalidTokenStatus,
        body: { code: 'INVALID_ACCESS_TOKEN', message: 'Access token is not valid.' },
      });
    }
    if (this.options.uniqueReferences) {
      const pair = pairOf(body);
      if (this.acceptedPairs.has(pair)) {
        this.duplicates++;
        return send(res, {
          status: 409,
          body: { code: 'DUPLICATE_REFERENCE_ID', message: 'referenceId already used' },
        });
      }
      this.acceptedPairs.add(pair);
    }
    this.accepted++;
    send(res, { status: 202 });
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

/** `referenceId user` of an event body (user empty for Multicast). */
export function pairOf(body: string): string {
  const event = JSON.parse(body) as {
    referenceId?: string;
    relevantAudience?: { payload?: { user?: string } };
  };
  return `${event.referenceId ?? ''} ${event.relevantAudience?.payload?.user ?? ''}`;
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
