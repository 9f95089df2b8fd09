/**
 * The Proactive Events client: validates an event, gets a token, POSTs the event, and retries what is
 * worth retrying. Credentials and tokens live in private fields only and every outgoing text is
 * redacted, so neither `util.inspect(client)`, `JSON.stringify(client)`, errors nor logs expose them.
 */
import { inspect } from 'node:util';
import { ProactiveEventValidationError } from '../validation/issues.js';
import { defaultValidator } from './default-validator.js';
import { audienceOf, referenceIdOf } from './event-info.js';
import { resolveEndpoints, type Region, type Stage } from './endpoints.js';
import {
  ProactiveEventsApiError,
  ProactiveEventsNetworkError,
  type AmazonErrorBody,
} from './errors.js';
import { redact } from './redact.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  realSleep,
  resolveRetryPolicy,
  retryDelay,
  type RetryOptions,
  type RetryPolicy,
} from './retry.js';
import type { EventName } from '../../generated/types/index.js';
import { runSendMany, type SendManyOptions, type SendManyResult } from './send-many.js';
import {
  sendToSubscribers,
  type SendToSubscribersOptions,
  type SendToSubscribersResult,
  type SubscriberEventBuilder,
  type SubscriberSource,
} from './send-to-subscribers.js';
import { LwaTokenProvider } from './token.js';
import { HttpTransport, TransportError } from './transport.js';
import type {
  AccessTokenResponse,
  Clock,
  EventValidator,
  Issue,
  Logger,
  ProactiveEventInput,
  RandomSource,
  Sleep,
} from './types.js';

export interface ProactiveEventsClientOptions {
  /** Skill Messaging client ID (developer console → Build → Permissions). */
  clientId: string;
  /** Skill Messaging client secret. Never logged, printed or put in an error. */
  clientSecret: string;
  region?: Region;
  /** `development` unless you mean it: live events reach real customers. */
  stage?: Stage;
  /** Replaces the regional host; the stage path is still appended. */
  apiUrl?: string;
  /** Replaces the LWA token URL. */
  tokenUrl?: string;
  /** Bound on each HTTP attempt (connect + answer + body). Default 10 s. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Event validator; defaults to the one installed with `setDefaultValidator`. */
  validate?: EventValidator;
  logger?: Logger;
  /** Clock in epoch ms (token expiry, validation time). Injectable for tests. */
  now?: Clock;
  /** Waits between retries. Injectable for tests. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). Injectable for tests. */
  random?: RandomSource;
}

export interface SendResult {
  /** The 2xx status Amazon answered (202 normally). */
  status: number;
  referenceId: string | undefined;
  /** HTTP attempts this event took, the successful one included. */
  attempts: number;
  /** Present for Multicast: acceptance does not mean anybody was notified. */
  notice?: string;
  /** Validation warnings: the event was sent, but something looks like a mistake. */
  warnings: Issue[];
}

export const MULTICAST_NOTICE =
  'Multicast accepted: only users subscribed to this event with notifications on for the skill receive it; others receive nothing.';

export class ProactiveEventsClient {
  readonly region: Region;
  readonly stage: Stage;
  readonly eventsUrl: string;
  readonly tokenUrl: string;
  readonly #clientId: string;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #validate: EventValidator;
  readonly #logger: Logger | undefined;
  readonly #now: Clock;
  readonly #sleep: Sleep;
  readonly #random: RandomSource;
  readonly #transport: HttpTransport;
  readonly #tokens: LwaTokenProvider;

  constructor(options: ProactiveEventsClientOptions) {
    if (typeof options?.clientId !== 'string' || options.clientId === '') {
      throw new TypeError('clientId is required (the Skill Messaging client ID).');
    }
    if (typeof options.clientSecret !== 'string' || options.clientSecret === '') {
      throw new TypeError('clientSecret is required (the Skill Messaging client secret).');
    }
    const validate = options.validate ?? defaultValidator;
    if (validate === undefined) {
      throw new Error(
        'No event validator: pass `validate` to ProactiveEventsClient, or install the generated ' +
          'validator with setDefaultValidator() (the package entry point does this).',
      );
    }
    const endpoints = resolveEndpoints(options);
    this.region = endpoints.region;
    this.stage = endpoints.stage;
    this.eventsUrl = endpoints.eventsUrl;
    this.tokenUrl = endpoints.tokenUrl;
    this.#clientId = options.clientId;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    if (!(this.#timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0.');
    this.#retry = resolveRetryPolicy(options.retry);
    this.#validate = validate;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#transport = new HttpTransport();
    this.#tokens = new LwaTokenProvider({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      tokenUrl: this.tokenUrl,
      timeoutMs: this.#timeoutMs,
      retry: this.#retry,
      transport: this.#transport,
      now: this.#now,
      sleep: this.#sleep,
      random: this.#random,
      log: (level, message) => this.#log(level, message),
    });
  }

  /** Requests a new token (sharing one in flight), caches it, and returns LWA's whole answer. */
  sendAuthRequest(): Promise<AccessTokenResponse> {
    return this.#tokens.fetchTokenResponse();
  }

  /** The access token, cached until 60 s before it expires. */
  async getAccessToken(): Promise<string> {
    return (await this.#tokens.lease()).token;
  }

  /** Validates and sends one event. Resolves on any 2xx; throws a typed error otherwise. */
  async sendProactiveEvent(event: ProactiveEventInput): Promise<SendResult> {
    const referenceId = referenceIdOf(event);
    const validation = this.#validate(event, { now: this.#now() });
    if (!validation.valid) {
      throw new ProactiveEventValidationError(validation, { referenceId });
    }
    for (const warning of validation.warnings) {
      this.#log(
        'warn',
        `event ${referenceId ?? '(no referenceId)'}: ${warning.path}: ${warning.message}`,
      );
    }
    const audience = audienceOf(event);
    const body = JSON.stringify(event);
    let attempts = 0;
    let backoffs = 0;
    let authRetried = false;
    for (;;) {
      const lease = await this.#tokens.lease();
      attempts++;
      let status: number;
      let headers: Record<string, string | undefined>;
      let text: string;
      try {
        ({
          status,
          headers,
          body: text,
        } = await this.#transport.request({
          url: this.eventsUrl,
          method: 'POST',
          headers: {
            authorization: `Bearer ${lease.token}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body,
          timeoutMs: this.#timeoutMs,
        }));
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (attempts >= this.#retry.maxAttempts) {
          throw new ProactiveEventsNetworkError({
            timedOut: error.kind === 'timeout',
            code: error.code,
            detail: this.#redact(error.message),
            url: this.eventsUrl,
            timeoutMs: this.#timeoutMs,
            referenceId,
            attempts,
          });
        }
        backoffs++;
        this.#log('warn', `event ${referenceId}: ${error.code ?? error.kind}; retry ${backoffs}`);
        await this.#sleep(retryDelay(backoffs, this.#retry, this.#random, undefined));
        continue;
      }

      if (status >= 200 && status < 300) {
        this.#tokens.markTrusted(lease.token);
        const result: SendResult = { status, referenceId, attempts, warnings: validation.warnings };
        if (audience === 'Multicast') result.notice = MULTICAST_NOTICE;
        return result;
      }
      if ((status === 401 || status === 403) && !authRetried && lease.fromCache) {
        // A cached token may have been revoked or expired early: refresh once. A 403 with a token that
        // already proved good is about the user (not subscribed), and a refresh would not change it.
        if (status === 401 || !this.#tokens.isTrusted(lease.token)) {
          authRetried = true;
          this.#tokens.invalidate(lease.token);
          this.#log(
            'debug',
            `event ${referenceId}: ${status} with a cached token; refreshing it once`,
          );
          continue;
        }
      }
      if (status === 403 && !lease.fromCache) this.#tokens.markTrusted(lease.token);
      if (isRetryableStatus(status) && attempts < this.#retry.maxAttempts) {
        backoffs++;
        const retryAfterMs = parseRetryAfter(headers['retry-after'], this.#now());
        const delay = retryDelay(backoffs, this.#retry, this.#random, retryAfterMs);
        this.#log('warn', `event ${referenceId}: ${status}; retry ${backoffs} in ${delay} ms`);
        await this.#sleep(delay);
        continue;
      }
      throw new ProactiveEventsApiError({
        status,
        body: this.#amazonBody(text),
        referenceId,
        attempts,
        audience,
        freshToken: !lease.fromCache,
        retryAfterMs: parseRetryAfter(headers['retry-after'], this.#now()),
      });
    }
  }

  /**
   * Sends many events with bounded concurrency. Never throws for a single event: every input gets an
   * outcome, in input order. Failures can be appended to an outbox file for a later resend.
   */
  sendMany(events: readonly unknown[], options: SendManyOptions = {}): Promise<SendManyResult> {
    return runSendMany(events, options, {
      send: (event) => this.sendProactiveEvent(event as ProactiveEventInput),
      reserveConnections: (n) => this.#transport.reserve(n),
      now: this.#now,
      redact: (text) => this.#redact(text),
    });
  }

  /**
   * Sends `build(userId)` to every user currently subscribed to `eventName` (from a
   * SubscriptionTracker), as Unicast events, batch by batch. Never throws for one user: every
   * subscriber is counted as sent or failed, and failures can go to an outbox.
   */
  sendToSubscribers(
    eventName: EventName,
    build: SubscriberEventBuilder,
    subscribers: SubscriberSource,
    options: SendToSubscribersOptions = {},
  ): Promise<SendToSubscribersResult> {
    return sendToSubscribers(
      (events, sendOptions) => this.sendMany(events, sendOptions),
      eventName,
      build,
      subscribers,
      options,
    );
  }

  /** Closes the connection pools; in-flight requests finish first. */
  close(): Promise<void> {
    return this.#transport.close();
  }

  /** Scrubs the secret and every token this client has seen out of `text`. */
  redact(text: string): string {
    return this.#redact(text);
  }

  toJSON(): Record<string, unknown> {
    return {
      clientId: this.#clientId,
      region: this.region,
      stage: this.stage,
      eventsUrl: this.eventsUrl,
      tokenUrl: this.tokenUrl,
    };
  }

  [inspect.custom](): string {
    return `ProactiveEventsClient ${inspect(this.toJSON())}`;
  }

  #redact(text: string): string {
    return redact(text, this.#tokens.secrets());
  }

  #amazonBody(text: string): AmazonErrorBody | undefined {
    try {
      const parsed = JSON.parse(text) as { code?: unknown; message?: unknown } | null;
      if (parsed === null || typeof parsed !== 'object') return undefined;
      const body: AmazonErrorBody = {};
      if (typeof parsed.code === 'string' || typeof parsed.code === 'number')
        body.code = parsed.code;
      if (typeof parsed.message === 'string') body.message = this.#redact(parsed.message);
      return body.code === undefined && body.message === undefined ? undefined : body;
    } catch {
      return text.trim() === '' ? undefined : { message: this.#redact(text.slice(0, 500)) };
    }
  }

  #log(level: keyof Logger, message: string, details?: Record<string, unknown>): void {
    const sink = this.#logger?.[level];
    if (sink === undefined) return;
    const safeDetails =
      details === undefined
        ? undefined
        : (JSON.parse(this.#redact(JSON.stringify(details))) as Record<string, unknown>);
    if (safeDetails === undefined) sink.call(this.#logger, this.#redact(message));
    else sink.call(this.#logger, this.#redact(message), safeDetails);
  }
}
