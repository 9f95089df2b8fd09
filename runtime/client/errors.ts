/**
 * Typed failures of the sending runtime. Each carries an actionable `hint` for the person who has to fix
 * things, and none of them holds the client secret or a token: callers build their messages from
 * redacted text only, and no raw transport error is attached as `cause` (it could, in principle, carry
 * request data).
 */

import { ProactiveEventsError } from '../errors.js';

export { ProactiveEventsError };

export type Audience = 'Unicast' | 'Multicast' | undefined;

// ---------------------------------------------------------------- Login with Amazon

export const LWA_HINTS: Readonly<Record<string, string>> = Object.freeze({
  invalid_client:
    'Check that ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET are the Skill Messaging credentials from the ' +
    "developer console's Build → Permissions page.",
  invalid_scope:
    'The skill manifest lacks the alexa::devices:all:notifications:write permission or ' +
    'events.publications: run `proactive-events manifest`, add the result to skill.json and redeploy.',
  unauthorized_client:
    'These credentials may not request alexa::proactive_events: use the Skill Messaging credentials ' +
    "from the developer console's Build → Permissions page.",
});

/** LWA refused to issue a token (`{ error, error_description }` body) or answered with an HTTP error. */
export class LwaError extends ProactiveEventsError {
  /** LWA's `error` code (`invalid_client`, `invalid_scope`, …) or `http_<status>` when the body had none. */
  readonly code: string;
  readonly status: number;
  /** LWA's `error_description`, redacted. */
  readonly description: string | undefined;
  readonly attempts: number;
  readonly #retryable: boolean;

  constructor(options: {
    code: string;
    status: number;
    description?: string;
    attempts: number;
    /** Whether a later request could succeed; by default 408, 429 and 5xx are. */
    retryable?: boolean;
  }) {
    const retryable =
      options.retryable ??
      (options.status >= 500 || options.status === 429 || options.status === 408);
    const hint =
      LWA_HINTS[options.code] ??
      (retryable
        ? `Login with Amazon answered ${options.status} after ${options.attempts} attempts: try again later.`
        : 'Check the client ID and secret and the token URL.');
    const detail = options.description ? `: ${options.description}` : '';
    super(
      `Login with Amazon refused the token request (${options.status} ${options.code})${detail}`,
      hint,
    );
    this.code = options.code;
    this.status = options.status;
    this.description = options.description;
    this.attempts = options.attempts;
    this.#retryable = retryable;
  }

  /**
   * Whether retrying later could help. Only LWA's answers about the request itself (invalid_client,
   * unauthorized_client, invalid_scope, other 4xx) are final: they never fix themselves.
   */
  get retryable(): boolean {
    return this.#retryable;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, status: this.status, attempts: this.attempts };
  }
}

// ---------------------------------------------------------------- events API

/** Amazon's error body for the events API (`services.proactiveEvents.Error`). */
export interface AmazonErrorBody {
  code?: string | number;
  message?: string;
}

export function apiHint(
  status: number,
  context: { attempts: number; audience: Audience; freshToken: boolean },
): string | undefined {
  const { attempts } = context;
  if (status === 400) {
    return 'Amazon rejected the event as malformed: run `proactive-events validate` on the event.';
  }
  if (status === 401) {
    return 'Amazon rejected a freshly issued access token: check the Skill Messaging credentials and the token URL.';
  }
  if (status === 403) {
    return context.audience === 'Unicast'
      ? 'The user is not subscribed to this event, or has turned notifications off for the skill.'
      : 'The token or credentials lack permission to send proactive events: check the Skill Messaging ' +
          'credentials and the skill permission alexa::devices:all:notifications:write.';
  }
  if (status === 409) {
    const maybeDelivered =
      attempts > 1
        ? ' An earlier attempt of this send failed in transit and may have been delivered already.'
        : '';
    return `This referenceId was already used for this user: generate a new referenceId.${maybeDelivered}`;
  }
  if (status === 429) {
    return `Throttled by Amazon: retried ${attempts - 1} times without success; lower the concurrency or send later.`;
  }
  if (status === 432) {
    return 'The live notification limit for this user has been reached (the development stage is not limited).';
  }
  if (status >= 500) {
    return `Amazon-side error after ${attempts} attempts: try again later.`;
  }
  return undefined;
}

/** The events API answered with a final non-2xx status. */
export class ProactiveEventsApiError extends ProactiveEventsError {
  readonly status: number;
  /** Amazon's body `{ code, message }` when it sent one (message redacted). */
  readonly body: AmazonErrorBody | undefined;
  readonly referenceId: string | undefined;
  readonly attempts: number;
  /** Amazon's Retry-After of the last answer (ms), for callers that pause all their senders. */
  readonly retryAfterMs: number | undefined;
  /** An attempt may have reached Amazon (a 5xx, or one that got no answer): it may be delivered. */
  readonly maybeDelivered: boolean;

  constructor(options: {
    status: number;
    body?: AmazonErrorBody;
    referenceId?: string;
    attempts: number;
    audience: Audience;
    freshToken: boolean;
    retryAfterMs?: number;
    maybeDelivered?: boolean;
  }) {
    const amazon =
      options.body?.message !== undefined
        ? `: ${options.body.code !== undefined ? `${options.body.code} ` : ''}${options.body.message}`
        : '';
    const which = options.referenceId === undefined ? 'the event' : `event ${options.referenceId}`;
    super(
      `Amazon answered ${options.status} for ${which} after ${options.attempts} attempt${options.attempts === 1 ? '' : 's'}${amazon}`,
      apiHint(options.status, options),
    );
    this.status = options.status;
    this.body = options.body;
    this.referenceId = options.referenceId;
    this.attempts = options.attempts;
    this.retryAfterMs = options.retryAfterMs;
    this.maybeDelivered = options.maybeDelivered ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      body: this.body,
      referenceId: this.referenceId,
      attempts: this.attempts,
      maybeDelivered: this.maybeDelivered,
    };
  }
}

/** No HTTP answer at all: the connection failed, was reset, or the attempt timed out. */
export class ProactiveEventsNetworkError extends ProactiveEventsError {
  readonly timedOut: boolean;
  /** The transport's error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …) when known. */
  readonly code: string | undefined;
  readonly url: string;
  readonly referenceId: string | undefined;
  readonly attempts: number;
  /** An attempt may have reached Amazon (it was written, then no answer came): it may be delivered. */
  readonly maybeDelivered: boolean;

  constructor(options: {
    timedOut: boolean;
    code?: string;
    detail: string;
    url: string;
    timeoutMs: number;
    referenceId?: string;
    attempts: number;
    maybeDelivered?: boolean;
  }) {
    const times = `${options.attempts} attempt${options.attempts === 1 ? '' : 's'}`;
    super(
      options.timedOut
        ? `No response from ${options.url} within ${options.timeoutMs} ms (${times})`
        : `Request to ${options.url} failed (${options.code ?? 'network error'}: ${options.detail}; ${times})`,
      options.timedOut
        ? 'The server did not answer in time: check the network, or raise timeoutMs.'
        : 'Could not reach the server: check the network connection and the API/token URL.',
    );
    this.timedOut = options.timedOut;
    this.code = options.code;
    this.url = options.url;
    this.referenceId = options.referenceId;
    this.attempts = options.attempts;
    this.maybeDelivered = options.maybeDelivered ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      timedOut: this.timedOut,
      code: this.code,
      referenceId: this.referenceId,
      attempts: this.attempts,
      maybeDelivered: this.maybeDelivered,
    };
  }
}

/**
 * The send was stopped (its AbortSignal fired) before the event was confirmed. It may or may not have
 * reached Amazon; a journal keeps it, and `--resume` sends it again with the same referenceId.
 */
export class SendInterruptedError extends ProactiveEventsError {
  readonly referenceId: string | undefined;
  readonly attempts: number;
  readonly maybeDelivered: boolean;
  constructor(options: { referenceId?: string; attempts: number; maybeDelivered: boolean }) {
    super(
      `Sending ${options.referenceId === undefined ? 'the event' : `event ${options.referenceId}`} was interrupted before it was confirmed`,
      'Resume the run from its journal (`proactive-events send --resume JOURNAL`); retries reuse the referenceId, so nothing is delivered twice.',
    );
    this.referenceId = options.referenceId;
    this.attempts = options.attempts;
    this.maybeDelivered = options.maybeDelivered;
  }
}
