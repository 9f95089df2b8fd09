/**
 * HTTP over undici connection pools. Sending thousands of events is dominated by connection setup and
 * TLS handshakes, so requests reuse keep-alive connections from one pool per origin, sized to the
 * sender's concurrency. Every attempt is bounded by a timeout that covers connecting, waiting for the
 * answer and reading its body: a server that accepts and never answers must fail fast.
 */
import type * as Undici from 'undici';
import type { Pool } from 'undici';
import { ProactiveEventsError } from '../errors.js';

/**
 * undici is loaded on the first request, not when the package is imported: a skill that only
 * builds, validates or previews events never pays for the HTTP client (nor carries it in a bundle
 * that splits on dynamic imports).
 */
let undici: Promise<typeof Undici> | undefined;
function loadUndici(): Promise<typeof Undici> {
  undici ??= import('undici');
  return undici;
}

export interface HttpRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/**
 * Failures that happen before a byte of the request can have left: the server cannot have acted on
 * the request. Anything else (a reset, a closed socket, a timeout) may have come after Amazon read it.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A request that got no HTTP answer. `timeout` is kept apart because its remedy differs. */
export class TransportError extends ProactiveEventsError {
  readonly kind: 'timeout' | 'network';
  readonly code: string | undefined;
  /** The request may have reached the server (so a retry can be a duplicate). */
  readonly maybeDelivered: boolean;
  constructor(kind: 'timeout' | 'network', message: string, code?: string) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.code = code;
    this.maybeDelivered = code === undefined || !NOT_SENT_CODES.has(code);
  }
}

export interface TransportOptions {
  /** Connections per origin. Grows with `reserve()`. Default 16. */
  connections?: number;
}

export class HttpTransport {
  readonly #pools = new Map<string, { pool: Pool; connections: number }>();
  #connections: number;
  #closed = false;

  constructor(options: TransportOptions = {}) {
    this.#connections = Math.max(1, options.connections ?? 16);
  }

  /**
   * Makes sure later requests may use at least `connections` parallel connections per origin. A pool
   * that is too small is replaced; the old one finishes its in-flight requests, then closes.
   */
  reserve(connections: number): void {
    if (connections <= this.#connections) return;
    this.#connections = connections;
    for (const [origin, entry] of this.#pools) {
      if (entry.connections < connections) {
        this.#pools.delete(origin);
        void entry.pool.close().catch(() => undefined);
      }
    }
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    if (this.#closed)
      throw new ProactiveEventsError('The client is closed: create a new one to send again.');
    const url = new URL(request.url);
    const pool = this.#pool(url.origin, (await loadUndici()).Pool);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      const response = await pool.request({
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      const body = await response.body.text();
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers, body };
    } catch (error) {
      if (timedOut) {
        throw new TransportError(
          'timeout',
          `no response within ${request.timeoutMs} ms`,
          'ETIMEDOUT',
        );
      }
      throw toTransportError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes every pool; in-flight requests finish first. */
  async close(): Promise<void> {
    this.#closed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((entry) => entry.pool.close().catch(() => undefined)));
  }

  #pool(origin: string, PoolClass: typeof Pool): Pool {
    let entry = this.#pools.get(origin);
    if (entry === undefined) {
      const connections = this.#connections;
      entry = {
        connections,
        pool: new PoolClass(origin, {
          connections,
          // Keep idle connections a little longer than undici's 4 s default: senders work in bursts.
          keepAliveTimeout: 10_000,
          // Pipelining would let one slow answer delay others queued behind it on the same socket.
          pipelining: 1,
        }),
      };
      this.#pools.set(origin, entry);
    }
    return entry.pool;
  }
}

function toTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const err = error as
    { code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
  const code =
    typeof err?.code === 'string'
      ? err.code
      : typeof err?.cause?.code === 'string'
        ? err.cause.code
        : undefined;
  const message = typeof err?.message === 'string' ? err.message : String(error);
  const kind =
    code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT'
      ? 'timeout'
      : 'network';
  return new TransportError(kind, message, code);
}
