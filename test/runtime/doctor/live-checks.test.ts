import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnose, type DoctorReport } from '../../../runtime/doctor/index.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import {
  ALICE,
  generatedInputs,
  orderEvent,
  weatherMulticast,
} from '../../support/doctor-fixtures.js';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await FakeAmazon.start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const credentials = () => ({
  clientId: fake.options.clientId,
  clientSecret: fake.options.clientSecret,
});

/** The live checks run against the real clock: the fake issues tokens valid for an hour from now. */
function live(extra: Record<string, unknown> = {}): Promise<DoctorReport> {
  return diagnose({
    ...generatedInputs,
    event: freshOrder(),
    liveCheck: true,
    credentials: credentials(),
    apiUrl: fake.origin,
    tokenUrl: fake.tokenUrl,
    timeoutMs: 2000,
    ...extra,
  });
}

function freshOrder(): Record<string, unknown> {
  const now = Date.now();
  return orderEvent({
    timestamp: new Date(now).toISOString(),
    expiryTime: new Date(now + 3600_000).toISOString(),
  });
}

const liveChecks = (report: DoctorReport) =>
  report.checks
    .filter((entry) => entry.group === 'live')
    .map(({ id, status, cause, fix }) => ({ id, status, cause, fix }));

describe('live checks against the local fake Amazon', () => {
  it('gets a token for alexa::proactive_events and sends the event to the development stage', async () => {
    const report = await live({ stage: 'live' });
    expect(liveChecks(report)).toEqual([
      {
        id: 'live.token',
        status: 'ok',
        cause:
          'Login with Amazon issued a token (not shown) for alexa::proactive_events, valid for 1 hour.',
        fix: null,
      },
      {
        id: 'live.send',
        status: 'ok',
        cause: `Amazon answered 202; the development stage accepted the event for ${ALICE}.`,
        fix: null,
      },
    ]);
    const [token, event] = fake.requests;
    expect(new URLSearchParams(token!.body).get('scope')).toBe('alexa::proactive_events');
    expect(event!.path).toBe('/v1/proactiveEvents/stages/development');
    expect(JSON.parse(event!.body)).toMatchObject({ referenceId: 'order0001' });
    expect(JSON.stringify(report)).not.toContain(fake.tokenNumber(1));
    expect(report.context.liveCheck).toBe(true);
  });

  it.each([
    [
      400,
      'fail',
      "Amazon answered 400 (INVALID_REQUEST: Bad event); it refused the event as malformed, although it passes this package's validation.",
    ],
    [
      403,
      'fail',
      'Amazon answered 403 (FORBIDDEN: Bad event); the user is not subscribed to AMAZON.OrderStatus.Updated, has turned notifications off for the skill, or (development stage) the skill is not enabled for testing on their account.',
    ],
    [
      409,
      'fail',
      'Amazon answered 409 (CONFLICT: Bad event); an event with referenceId order0001 was already sent to this audience, and Amazon delivers each referenceId once.',
    ],
    [
      429,
      'warn',
      'Amazon answered 429 (THROTTLED: Bad event); Amazon throttled the request, which says nothing about the event itself.',
    ],
    [
      432,
      'fail',
      'Amazon answered 432 (LIMIT: Bad event); the notification limit for this user has been reached.',
    ],
    [
      503,
      'warn',
      "Amazon answered 503 (UNAVAILABLE: Bad event); an error on Amazon's side, not a verdict on the event.",
    ],
  ] as const)('interprets %i once, without retrying', async (status, verdict, cause) => {
    const code = {
      400: 'INVALID_REQUEST',
      403: 'FORBIDDEN',
      409: 'CONFLICT',
      429: 'THROTTLED',
      432: 'LIMIT',
      503: 'UNAVAILABLE',
    }[status];
    fake.script('events', { status, body: { code, message: 'Bad event' } });
    const send = liveChecks(await live())[1];
    expect(send).toMatchObject({ id: 'live.send', status: verdict, cause });
    expect(fake.eventRequests).toBe(1);
  });

  it('reads a 403 on a Multicast event as a skill that may not send it', async () => {
    fake.script('events', { status: 403 });
    const report = await live({
      event: {
        ...weatherMulticast(),
        timestamp: new Date().toISOString(),
        expiryTime: new Date(Date.now() + 3600_000).toISOString(),
      },
    });
    expect(liveChecks(report)[1]).toMatchObject({
      status: 'fail',
      cause:
        'Amazon answered 403; the skill may not send AMAZON.WeatherAlert.Activated: the deployed manifest lacks the publication or the notifications permission, or the credentials belong to another skill.',
    });
  });

  it('fails wrong credentials with LWA’s answer and hint, never showing the secret', async () => {
    const report = await live({
      credentials: { clientId: fake.options.clientId, clientSecret: 'wrong-secret-value' },
    });
    expect(liveChecks(report)).toEqual([
      {
        id: 'live.token',
        status: 'fail',
        cause:
          'Login with Amazon refused the token request (401 invalid_client): Client authentication failed.',
        fix: "Check that ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET are the Skill Messaging credentials from the developer console's Build → Permissions page.",
      },
      expect.objectContaining({
        id: 'live.send',
        status: 'skipped',
        cause: 'Without a token the event cannot be sent.',
      }),
    ]);
    expect(fake.eventRequests).toBe(0);
    expect(JSON.stringify(report)).not.toContain('wrong-secret-value');
  });

  it('fails a token issued for another scope', async () => {
    fake.script('token', {
      status: 200,
      body: {
        access_token: 'Atza|other',
        expires_in: 3600,
        scope: 'profile',
        token_type: 'bearer',
      },
    });
    const [token, send] = liveChecks(await live());
    expect(token).toMatchObject({
      status: 'fail',
      cause: 'Login with Amazon issued a token for "profile", not alexa::proactive_events.',
    });
    expect(send?.status).toBe('skipped');
    expect(fake.eventRequests).toBe(0);
  });

  it('does not send an invalid event', async () => {
    const report = await live({ event: orderEvent({ timestamp: '2024-13-01T00:00:00Z' }) });
    expect(liveChecks(report)[1]).toMatchObject({
      status: 'skipped',
      cause:
        'The event is invalid (see the event checks), so it was not sent: Amazon would answer 400.',
    });
    expect(fake.eventRequests).toBe(0);
  });

  it('checks only the token when no event is given', async () => {
    const report = await live({ event: undefined });
    expect(liveChecks(report).map((entry) => [entry.status, entry.cause])).toEqual([
      [
        'ok',
        'Login with Amazon issued a token (not shown) for alexa::proactive_events, valid for 1 hour.',
      ],
      ['skipped', 'No event was given, so nothing was sent.'],
    ]);
  });

  it('reports an API that does not answer', async () => {
    const closed = await FakeAmazon.start();
    const origin = closed.origin;
    await closed.close();
    const send = liveChecks(await live({ apiUrl: origin }))[1];
    expect(send).toMatchObject({ status: 'fail' });
    expect(send?.cause).toMatch(
      new RegExp(`^No answer from ${origin}/v1/proactiveEvents/stages/development: `),
    );
  });

  it('runs nothing without --live-check or without credentials', async () => {
    const off = await live({ liveCheck: false });
    const none = await live({ credentials: undefined });
    expect(liveChecks(off).map((entry) => entry.status)).toEqual(['skipped', 'skipped']);
    expect(liveChecks(none)[0]?.cause).toBe('No Skill Messaging credentials were given.');
    expect(fake.requests).toEqual([]);
    expect(none.context.liveCheck).toBe(false);
  });

  it('keeps the clock of the other checks apart from the live send', async () => {
    // An event valid now but expired at the injected clock is reported expired and not sent.
    const report = await live({ now: Date.now() + 2 * 3600_000 });
    expect(report.checks.find((entry) => entry.id === 'event.expiry')?.status).toBe('fail');
    expect(fake.eventRequests).toBe(0);
  });
});
