/**
 * Live checks, run only when asked for and given credentials: a token is requested (and never
 * shown), its scope checked, and the event sent once to the development stage, with Amazon's answer
 * interpreted. One attempt each: a doctor reports what Amazon answers, it does not retry it away.
 */
import { resolveEndpoints, type Region } from '../client/endpoints.js';
import { ProactiveEventsError } from '../client/errors.js';
import { redact } from '../client/redact.js';
import { LwaTokenProvider, PROACTIVE_EVENTS_SCOPE } from '../client/token.js';
import { HttpTransport, TransportError } from '../client/transport.js';
import type { EventFacts } from './event-facts.js';
import { check, type Check } from './report.js';
import { describeDuration } from './time.js';

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface LiveCheckInput {
  readonly liveCheck: boolean;
  readonly credentials: Credentials | undefined;
  readonly event: unknown;
  readonly facts: EventFacts | undefined;
  /** Whether the event passed validation (an invalid event is not sent). */
  readonly eventValid: boolean;
  readonly region: Region;
  readonly apiUrl: string | undefined;
  readonly tokenUrl: string | undefined;
  readonly timeoutMs: number;
}

const TOKEN = 'token';
const SEND = 'send';

export async function liveChecks(input: LiveCheckInput): Promise<Check[]> {
  if (!input.liveCheck || input.credentials === undefined) {
    const cause = !input.liveCheck
      ? 'Live checks run only when asked for (--live-check), because they send the event to the development stage.'
      : 'No Skill Messaging credentials were given.';
    const fix = !input.liveCheck
      ? 'Run again with --live-check and the Skill Messaging credentials in ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET.'
      : "Set ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET to the credentials from the developer console's Build → Permissions page.";
    return [
      check('live', TOKEN, 'access token', 'skipped', cause, fix),
      check('live', SEND, 'development send', 'skipped', cause, fix),
    ];
  }
  const endpoints = resolveEndpoints({
    region: input.region,
    stage: 'development',
    apiUrl: input.apiUrl,
    tokenUrl: input.tokenUrl,
  });
  const transport = new HttpTransport({ connections: 1 });
  const tokens = new LwaTokenProvider({
    clientId: input.credentials.clientId,
    clientSecret: input.credentials.clientSecret,
    tokenUrl: endpoints.tokenUrl,
    timeoutMs: input.timeoutMs,
    retry: { maxAttempts: 1 },
    transport,
  });
  const scrub = (text: string) => redact(text, tokens.secrets());
  try {
    let token: string;
    let tokenCheck: Check;
    try {
      const response = await tokens.fetchTokenResponse();
      token = response.access_token;
      const scopes = response.scope.split(/\s+/);
      tokenCheck = scopes.includes(PROACTIVE_EVENTS_SCOPE)
        ? check(
            'live',
            TOKEN,
            'access token',
            'ok',
            `Login with Amazon issued a token (not shown) for ${PROACTIVE_EVENTS_SCOPE}, valid for ${describeDuration(response.expires_in * 1000)}.`,
            null,
          )
        : check(
            'live',
            TOKEN,
            'access token',
            'fail',
            `Login with Amazon issued a token for ${JSON.stringify(scrub(response.scope))}, not ${PROACTIVE_EVENTS_SCOPE}.`,
            "Use the Skill Messaging credentials of this skill (developer console → Build → Permissions), not another app's.",
          );
    } catch (error) {
      if (!(error instanceof ProactiveEventsError)) throw error;
      return [
        check(
          'live',
          TOKEN,
          'access token',
          'fail',
          `${scrub(error.message)}.`,
          error.hint ?? null,
        ),
        check(
          'live',
          SEND,
          'development send',
          'skipped',
          'Without a token the event cannot be sent.',
          'Fix the token check first.',
        ),
      ];
    }
    if (tokenCheck.status === 'fail') {
      return [
        tokenCheck,
        sendSkipped(
          'Without a token for the right scope the event cannot be sent.',
          'Fix the token check first.',
        ),
      ];
    }
    if (input.facts === undefined) {
      return [
        tokenCheck,
        sendSkipped(
          'No event was given, so nothing was sent.',
          'Pass an event file to send it to the development stage.',
        ),
      ];
    }
    if (!input.eventValid) {
      return [
        tokenCheck,
        sendSkipped(
          'The event is invalid (see the event checks), so it was not sent: Amazon would answer 400.',
          'Fix the event first.',
        ),
      ];
    }
    return [tokenCheck, await sendOnce(transport, endpoints.eventsUrl, token, input, scrub)];
  } finally {
    await transport.close();
  }
}

function sendSkipped(cause: string, fix: string): Check {
  return check('live', SEND, 'development send', 'skipped', cause, fix);
}

async function sendOnce(
  transport: HttpTransport,
  url: string,
  token: string,
  input: LiveCheckInput,
  scrub: (text: string) => string,
): Promise<Check> {
  let status: number;
  let body: string;
  try {
    ({ status, body } = await transport.request({
      url,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(input.event),
      timeoutMs: input.timeoutMs,
    }));
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    return check(
      'live',
      SEND,
      'development send',
      'fail',
      `No answer from ${url}: ${scrub(error.message)}.`,
      'Check the network connection (and --api-url, if you set it).',
    );
  }
  return interpretAnswer(status, amazonMessage(body, scrub), input.facts!);
}

/** ` (CODE: message)` from Amazon's error body, redacted, or '' when it sent none. */
function amazonMessage(body: string, scrub: (text: string) => string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown } | null;
    const parts = [parsed?.code, parsed?.message].filter(
      (part) => typeof part === 'string' || typeof part === 'number',
    );
    return parts.length === 0 ? '' : ` (${scrub(parts.join(': '))})`;
  } catch {
    return body.trim() === '' ? '' : ` (${scrub(body.trim().slice(0, 200))})`;
  }
}

/** What each answer of the events API most likely means, for this event. */
export function interpretAnswer(status: number, amazon: string, facts: EventFacts): Check {
  const name = facts.name ?? 'the event';
  const answered = `Amazon answered ${status}${amazon}`;
  const result = (verdict: 'ok' | 'warn' | 'fail', cause: string, fix: string | null) =>
    check('live', SEND, 'development send', verdict, cause, fix);
  if (status >= 200 && status < 300) {
    return result(
      'ok',
      facts.audience === 'Multicast'
        ? `${answered}; the development stage accepted the event, which for Multicast says nothing about who receives it.`
        : `${answered}; the development stage accepted the event for ${facts.userId ?? 'its user'}.`,
      null,
    );
  }
  switch (status) {
    case 400:
      return result(
        'fail',
        `${answered}; it refused the event as malformed, although it passes this package's validation.`,
        "Compare the event with Amazon's schema for it and report the difference to alexa-proactive-events with the event attached.",
      );
    case 401:
      return result(
        'fail',
        `${answered}; Amazon refused a freshly issued token.`,
        'Check that the Skill Messaging credentials belong to this skill and that the region is the one the skill is deployed in.',
      );
    case 403:
      return facts.audience === 'Unicast'
        ? result(
            'fail',
            `${answered}; the user is not subscribed to ${name}, has turned notifications off for the skill, or (development stage) the skill is not enabled for testing on their account.`,
            'In the Alexa app of that account, enable the skill for testing and turn its notifications on for this event, then run doctor again.',
          )
        : result(
            'fail',
            `${answered}; the skill may not send ${name}: the deployed manifest lacks the publication or the notifications permission, or the credentials belong to another skill.`,
            'Deploy a manifest that publishes the event (manifest checks) and use this skill’s Skill Messaging credentials.',
          );
    case 409:
      return result(
        'fail',
        `${answered}; an event with referenceId ${facts.referenceId ?? '(none)'} was already sent to this audience, and Amazon delivers each referenceId once.`,
        'Build the event again with a new referenceId (the builders generate one).',
      );
    case 429:
      return result(
        'warn',
        `${answered}; Amazon throttled the request, which says nothing about the event itself.`,
        'Wait a minute and run doctor again, and send fewer events per second.',
      );
    case 432:
      return result(
        'fail',
        `${answered}; the notification limit for this user has been reached.`,
        'Send fewer events to this user (Amazon limits live notifications per user; the development stage is not limited).',
      );
    default:
      return status >= 500
        ? result(
            'warn',
            `${answered}; an error on Amazon's side, not a verdict on the event.`,
            'Run doctor again later; the client retries 5xx answers when it sends.',
          )
        : result(
            'fail',
            `${answered}, which the Proactive Events API does not document.`,
            'Check the API URL and region.',
          );
  }
}
