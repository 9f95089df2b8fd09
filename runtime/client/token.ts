/**
 * Login with Amazon access tokens for the `alexa::proactive_events` scope.
 *
 * One provider per set of credentials: it caches the token until 60 s before it expires (as Amazon's own
 * SDK does), and lets concurrent callers share one in-flight request, so sending 10,000 events costs
 * one token request, not 10,000. A failed request is shared too: every waiter gets the same error and
 * the next call starts a new request.
 */
import { LwaError, ProactiveEventsNetworkError } from './errors.js';
import { LWA_TOKEN_URL } from './endpoints.js';
import { redactAndClip, redactSecrets, rememberSecret } from './redact.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  realSleep,
  resolveRetryPolicy,
  retryDelay,
  type RetryOptions,
  type RetryPolicy,
} from './retry.js';
import { HttpTransport, TransportError } from './transport.js';
import type { AccessTokenResponse, Clock, RandomSource, Sleep } from './types.js';

export const PROACTIVE_EVENTS_SCOPE = 'alexa::proactive_events';

/** Refresh this long before `expires_in` runs out, so a token never expires between check and use. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

export interface TokenProviderOptions {
  clientId: string;
  clientSecret: string;
  tokenUrl?: string;
  timeoutMs?: number;
  retry?: RetryOptions | RetryPolicy;
  transport: HttpTransport;
  now?: Clock;
  sleep?: Sleep;
  random?: RandomSource;
  /** Receives already-redacted messages. */
  log?: (level: 'debug' | 'warn', message: string) => void;
}

/** A token handed to a sender, and whether it came from the cache (then a 401/403 may mean it is stale). */
export interface TokenLease {
  token: string;
  fromCache: boolean;
}

interface CachedToken {
  token: string;
  response: AccessTokenResponse;
  refreshAt: number;
  /**
   * Set once the token has proven good (a 2xx with it, or a 403 right after it was fetched): a 403 with
   * a trusted token is about the event or user, and refreshing it again would only cost a token request.
   */
  trusted: boolean;
}

/** How many recent tokens stay known for redaction after they were replaced. */
const REMEMBERED_TOKENS = 8;

export class LwaTokenProvider {
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #tokenUrl: string;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #transport: HttpTransport;
  readonly #now: Clock;
  readonly #sleep: Sleep;
  readonly #random: RandomSource;
  readonly #log: (level: 'debug' | 'warn', message: string) => void;
  #cached: CachedToken | undefined;
  #inFlight: Promise<CachedToken> | undefined;
  readonly #issued: string[] = [];
  #requests = 0;

  constructor(options: TokenProviderOptions) {
    if (!options.clientId || !options.clientSecret) {
      throw new TypeError(
        'clientId and clientSecret are required (the Skill Messaging credentials).',
      );
    }
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    rememberSecret(options.clientSecret);
    this.#tokenUrl = options.tokenUrl ?? LWA_TOKEN_URL;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#transport = options.transport;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#log = options.log ?? (() => undefined);
  }

  /** The secret and every token seen recently: what `redact` must scrub. */
  secrets(): string[] {
    return [this.#clientSecret, ...this.#issued];
  }

  /** Token requests sent to LWA so far (attempts included); for diagnostics and tests. */
  get requestCount(): number {
    return this.#requests;
  }

  /** A valid token, from the cache when it has more than the refresh margin left. */
  async lease(): Promise<TokenLease> {
    const cached = this.#cached;
    if (cached !== undefined && this.#now() < cached.refreshAt) {
      return { token: cached.token, fromCache: true };
    }
    const fresh = await this.#refresh();
    return { token: fresh.token, fromCache: false };
  }

  /** Requests a new token now (sharing one already in flight) and caches it; returns LWA's answer. */
  async fetchTokenResponse(): Promise<AccessTokenResponse> {
    return { ...(await this.#refresh()).response };
  }

  /** Drops `token` from the cache if it is still the cached one (a stale token must not be reused). */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  markTrusted(token: string): void {
    if (this.#cached?.token === token) this.#cached.trusted = true;
  }

  isTrusted(token: string): boolean {
    return this.#cached?.token === token && this.#cached.trusted;
  }

  #refresh(): Promise<CachedToken> {
    if (this.#inFlight === undefined) {
      this.#inFlight = this.#requestWithRetry()
        .then((entry) => {
          this.#cached = entry;
          return entry;
        })
        .finally(() => {
          this.#inFlight = undefined;
        });
    }
    return this.#inFlight;
  }

  async #requestWithRetry(): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.#clientId,
      client_secret: this.#clientSecret,
      scope: PROACTIVE_EVENTS_SCOPE,
    }).toString();
    for (let attempt = 1; ; attempt++) {
      const requestedAt = this.#now();
      this.#requests++;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.#transport.request({
          url: this.#tokenUrl,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
            accept: 'application/json',
          },
          body,
          timeoutMs: this.#timeoutMs,
        });
        if (response.status >= 200 && response.status < 300) {
          const accepted = this.#accept(response.body, response.status, requestedAt, attempt);
          if (!(accepted instanceof LwaError)) return accepted;
          // A 2xx that is not a token (a proxy's HTML page, a broken expires_in) says nothing about
          // the credentials: retry it like a 5xx.
          if (attempt >= this.#retry.maxAttempts) throw accepted;
          this.#log(
            'warn',
            `Login with Amazon answered ${response.status} without a valid token; retrying (attempt ${attempt})`,
          );
        } else {
          if (!isRetryableLwaStatus(response.status) || attempt >= this.#retry.maxAttempts) {
            throw this.#lwaError(response.status, response.body, attempt);
          }
          retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.#now());
          this.#log(
            'warn',
            `Login with Amazon answered ${response.status}; retrying (attempt ${attempt})`,
          );
        }
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (attempt >= this.#retry.maxAttempts) {
          throw new ProactiveEventsNetworkError({
            timedOut: error.kind === 'timeout',
            code: error.code,
            detail: redactSecrets(error.message),
            url: this.#tokenUrl,
            timeoutMs: this.#timeoutMs,
            attempts: attempt,
          });
        }
        this.#log('warn', `token request failed (${error.code ?? error.kind}); retrying`);
      }
      await this.#sleep(retryDelay(attempt, this.#retry, this.#random, retryAfterMs));
    }
  }

  /** LWA's 2xx answer as a cache entry, or the (retryable) error when it is not a usable token. */
  #accept(
    text: string,
    status: number,
    requestedAt: number,
    attempts: number,
  ): CachedToken | LwaError {
    let parsed:
      | { access_token?: unknown; expires_in?: unknown; scope?: unknown; token_type?: unknown }
      | undefined;
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    const token = parsed?.access_token;
    const expiresIn = secondsOf(parsed?.expires_in);
    // Remember the token before anything could quote it, even when the rest of the answer is unusable.
    if (typeof token === 'string') rememberSecret(token);
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token) || expiresIn === undefined) {
      return new LwaError({
        code: 'invalid_response',
        status,
        description:
          'the answer is not a token (expected JSON with a printable access_token and a positive numeric expires_in)',
        attempts,
        retryable: true,
      });
    }
    const response: AccessTokenResponse = {
      access_token: token,
      expires_in: expiresIn,
      scope: typeof parsed?.scope === 'string' ? parsed.scope : PROACTIVE_EVENTS_SCOPE,
      token_type: typeof parsed?.token_type === 'string' ? parsed.token_type : 'bearer',
    };
    this.#issued.unshift(response.access_token);
    this.#issued.length = Math.min(this.#issued.length, REMEMBERED_TOKENS);
    const lifetimeMs = response.expires_in * 1000;
    // A token shorter-lived than twice the margin is still cached for half its life: never refetch per call.
    const margin = Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.#log('debug', `access token issued, valid for ${response.expires_in} s`);
    return {
      token: response.access_token,
      response,
      refreshAt: requestedAt + lifetimeMs - margin,
      trusted: false,
    };
  }

  #lwaError(status: number, text: string, attempts: number): LwaError {
    let code = `http_${status}`;
    let description: string | undefined;
    try {
      const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === 'string' && /^[\w.-]{1,64}$/.test(body.error)) {
        code = redactSecrets(body.error);
      }
      if (typeof body.error_description === 'string') {
        description = redactAndClip(body.error_description, 300);
      }
    } catch {
      description = text.trim() === '' ? undefined : redactAndClip(text.trim(), 200);
    }
    return new LwaError({ code, status, description, attempts });
  }
}

/** LWA statuses worth repeating: throttling, timeouts and server-side errors, never an answer about the credentials. */
function isRetryableLwaStatus(status: number): boolean {
  return status === 408 || isRetryableStatus(status);
}

/** `expires_in` as positive seconds; LWA sends a number, some proxies a numeric string. */
function secondsOf(value: unknown): number | undefined {
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

export interface StandaloneTokenOptions {
  tokenUrl?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
}

/** One token request, as in the seed: resolves to LWA's whole answer. Prefer a client, which caches. */
export async function sendAuthRequest(
  clientId: string,
  clientSecret: string,
  options: StandaloneTokenOptions = {},
): Promise<AccessTokenResponse> {
  const transport = new HttpTransport({ connections: 1 });
  try {
    return await new LwaTokenProvider({
      clientId,
      clientSecret,
      transport,
      ...options,
    }).fetchTokenResponse();
  } finally {
    await transport.close();
  }
}

/** One token request, as in the seed: resolves to the access token only. */
export async function getAccessToken(
  clientId: string,
  clientSecret: string,
  options: StandaloneTokenOptions = {},
): Promise<string> {
  return (await sendAuthRequest(clientId, clientSecret, options)).access_token;
}
