/**
 * The Proactive Events client: validates an event, gets a token, POSTs the event, and retries what is
 * worth retrying. Credentials and tokens live in private fields only and every outgoing text is
 * redacted, so neither `util.inspect(client)`, `JSON.stringify(client)`, errors nor logs expose them.
 */
import { resolveEndpoints, type Region, type Stage } from './endpoints.js';
import {
  ProactiveEventsApiError,
  ProactiveEventsNetworkError,
  SendInterruptedError,
  type AmazonErrorBody,
} from './errors.js';
import { untilAborted, type AbortSignalLike } from './abort.js';
import { prepareEvent, prepareSerialized, type PreparedEvent } from './prepare.js';
import { redactAndClip, redactDeep, redactError, redactSecrets } from './redact.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  realSleep,
  resolveRetryPolicy,
  retryDelay,
  type RetryOptions,
  type RetryPolicy,
} from './retry.js';
import {
  runResume,
  runSendMany,
  type SendManyDeps,
  type SendManyOptions,
  type SendManyResult,
} from './send-many.js';
import {
  sendToSubscribers,
  type SendToSubscribersOptions,
  type SendToSubscribersResult,
  type SubscriberEventBuilder,
  type SubscriberSource,
} from './send-to-subscribers.js';
import { LwaTokenProvider } from './token.js';
import { inspectCustom, type InspectFunction } from './inspect.js';
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
  /**
   * Checks each event against the moment of sending. The package's ProactiveEventsClient passes
   * the generated validateProactiveEvent; a client built from `alexa-proactive-events/runtime`
   * must be given one.
   */
  validate: EventValidator;
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
  /**
   * Amazon answered 409 to a retry after an attempt that may have reached it (a reset after the
   * request was written, a timeout, a 5xx): the event was accepted earlier, by that attempt.
   */
  duplicate?: boolean;
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
    const validate = options.validate;
    if (typeof validate !== 'function') {
      throw new TypeError(
        'validate is required: a function (event, { now }) => ValidationResult, such as the generated validateProactiveEvent.',
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
  async sendAuthRequest(): Promise<AccessTokenResponse> {
    try {
      return await this.#tokens.fetchTokenResponse();
    } catch (error) {
      throw redactError(error);
    }
  }

  /** The access token, cached until 60 s before it expires. */
  async getAccessToken(): Promise<string> {
    try {
      return (await this.#tokens.lease()).token;
    } catch (error) {
      throw redactError(error);
    }
  }

  /** Token requests sent to Login with Amazon so far (retries included). */
  get tokenRequestCount(): number {
    return this.#tokens.requestCount;
  }

  /**
   * Validates and sends one event. Resolves on any 2xx (or on a 409 that answers a retry of an attempt
   * that may already have been accepted); throws a typed error otherwise. The event is serialized once
   * and the validated bytes are the bytes POSTed.
   */
  async sendProactiveEvent(
    event: ProactiveEventInput,
    options: { signal?: AbortSignalLike } = {},
  ): Promise<SendResult> {
    try {
      return await this.#sendPrepared(this.#prepare(event), options.signal);
    } catch (error) {
      throw redactError(error);
    }
  }

  #prepare(event: unknown): PreparedEvent {
    const prepared = prepareEvent(event, this.#validate, this.#now());
    for (const warning of prepared.warnings) {
      this.#log(
        'warn',
        `event ${prepared.referenceId ?? '(no referenceId)'}: ${warning.path}: ${warning.message}`,
      );
    }
    return prepared;
  }

  async #sendPrepared(prepared: PreparedEvent, signal?: AbortSignalLike): Promise<SendResult> {
    const { body, referenceId, audience } = prepared;
    let maybeDelivered = prepared.maybeDelivered;
    let attempts = 0;
    let backoffs = 0;
    let authRetried = false;
    const interrupted = (): SendInterruptedError =>
      new SendInterruptedError({ referenceId, attempts, maybeDelivered });
    for (;;) {
      // Stopping between attempts, never inside one: an attempt that was written is seen through.
      if (signal?.aborted) throw interrupted();
      const lease = await untilAborted(this.#tokens.lease(), signal);
      if (lease === undefined || signal?.aborted) throw interrupted();
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
        if (error.maybeDelivered) maybeDelivered = true;
        if (attempts >= this.#retry.maxAttempts) {
          throw new ProactiveEventsNetworkError({
            timedOut: error.kind === 'timeout',
            code: error.code,
            detail: redactSecrets(error.message),
            url: this.eventsUrl,
            timeoutMs: this.#timeoutMs,
            referenceId,
            attempts,
            maybeDelivered,
          });
        }
        backoffs++;
        this.#log('warn', `event ${referenceId}: ${error.code ?? error.kind}; retry ${backoffs}`);
        await this.#pause(retryDelay(backoffs, this.#retry, this.#random, undefined), signal);
        continue;
      }

      if (status >= 200 && status < 300) {
        this.#tokens.markTrusted(lease.token);
        return this.#result(prepared, status, attempts, false);
      }
      if (status === 409 && maybeDelivered) {
        // Retries reuse the referenceId, so Amazon's 409 here can only mean an earlier attempt of
        // this very event was accepted: it is delivered, once.
        this.#log(
          'debug',
          `event ${referenceId}: 409 after an ambiguous attempt; already accepted`,
        );
        return this.#result(prepared, status, attempts, true);
      }
      // A 5xx may come after Amazon stored the event (a gateway timing out behind it); 429 never does.
      if (status >= 500) maybeDelivered = true;
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
        await this.#pause(delay, signal);
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
        maybeDelivered,
      });
    }
  }

  /**
   * Sends many events with bounded concurrency. Never throws for a single event: every input gets an
   * outcome, in input order. Failures can be appended to an outbox file for a later resend.
   */
  sendMany(events: readonly unknown[], options: SendManyOptions = {}): Promise<SendManyResult> {
    return runSendMany(events, options, this.#sendManyDeps());
  }

  /**
   * Continues a `sendMany` run recorded in `journal`: sends exactly the events it holds that were not
   * confirmed (sent or finally failed), appending their outcomes to the same journal.
   */
  resumeJournal(
    journal: string,
    options: Omit<SendManyOptions, 'journal' | 'sources'> = {},
  ): Promise<SendManyResult> {
    return runResume(journal, options, this.#sendManyDeps());
  }

  #sendManyDeps(): SendManyDeps {
    return {
      prepare: (event) => this.#prepare(event),
      prepareSerialized: (body, maybeDelivered) =>
        prepareSerialized(body, this.#validate, this.#now(), maybeDelivered),
      send: async (prepared, signal) => {
        try {
          return await this.#sendPrepared(prepared, signal);
        } catch (error) {
          throw redactError(error);
        }
      },
      reserveConnections: (n) => this.#transport.reserve(n),
      now: this.#now,
    };
  }

  /**
   * Sends `build(userId)` to every user currently subscribed to `eventName` (from a
   * SubscriptionTracker), as Unicast events, batch by batch. Never throws for one user: every
   * subscriber is counted as sent or failed, and failures can go to an outbox.
   */
  sendToSubscribers(
    eventName: string,
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

  /** Scrubs the secret and every token issued in this process out of `text`. */
  redact(text: string): string {
    return redactSecrets(text);
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

  [inspectCustom](_depth: number, options: object, inspect: InspectFunction): string {
    return `ProactiveEventsClient ${inspect(this.toJSON(), options)}`;
  }

  #result(
    prepared: PreparedEvent,
    status: number,
    attempts: number,
    duplicate: boolean,
  ): SendResult {
    const result: SendResult = {
      status,
      referenceId: prepared.referenceId,
      attempts,
      warnings: prepared.warnings,
    };
    if (duplicate) result.duplicate = true;
    if (prepared.audience === 'Multicast') result.notice = MULTICAST_NOTICE;
    return result;
  }

  /** Waits between attempts; an abort cuts the wait short (the loop then stops before the next one). */
  async #pause(ms: number, signal: AbortSignalLike | undefined): Promise<void> {
    await untilAborted(this.#sleep(ms), signal);
  }

  /** Amazon's error body, redacted before it is cut (so a cut can never expose part of a secret). */
  #amazonBody(text: string): AmazonErrorBody | undefined {
    try {
      const parsed = JSON.parse(text) as { code?: unknown; message?: unknown } | null;
      if (parsed === null || typeof parsed !== 'object') return undefined;
      const body: AmazonErrorBody = {};
      if (typeof parsed.code === 'string') body.code = redactAndClip(parsed.code, 100);
      else if (typeof parsed.code === 'number') body.code = parsed.code;
      if (typeof parsed.message === 'string') body.message = redactAndClip(parsed.message, 500);
      return body.code === undefined && body.message === undefined ? undefined : body;
    } catch {
      return text.trim() === '' ? undefined : { message: redactAndClip(text.trim(), 500) };
    }
  }

  #log(level: keyof Logger, message: string, details?: Record<string, unknown>): void {
    const sink = this.#logger?.[level];
    if (sink === undefined) return;
    const safeDetails = details === undefined ? undefined : redactDeep(details);
    if (safeDetails === undefined) sink.call(this.#logger, redactSecrets(message));
    else sink.call(this.#logger, redactSecrets(message), safeDetails);
  }
}
