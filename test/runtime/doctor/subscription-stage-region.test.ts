import { describe, expect, it } from 'vitest';
import { diagnose, type DoctorReport } from '../../../runtime/doctor/index.js';
import { MemorySubscriptionStore } from '../../../runtime/subscriptions/memory-store.js';
import {
  ALICE,
  BOB,
  NOW,
  generatedInputs,
  orderEvent,
  storeWithAlice,
  weatherMulticast,
} from '../../support/doctor-fixtures.js';

const ofGroup = (report: DoctorReport, group: string) =>
  report.checks
    .filter((entry) => entry.group === group)
    .map(({ id, status, cause, fix }) => ({ id, status, cause, fix }));

const run = (extra: Record<string, unknown>) =>
  diagnose({ ...generatedInputs, now: NOW, storeLabel: 'sqlite:subs.db', ...extra });

describe('subscription checks', () => {
  it('finds the user subscribed to the event since their latest request', async () => {
    const report = await run({ event: orderEvent(), store: await storeWithAlice() });
    expect(ofGroup(report, 'subscription')).toEqual([
      {
        id: 'subscription.status',
        status: 'ok',
        cause: `${ALICE} is subscribed to AMAZON.OrderStatus.Updated since request amzn1.echo-api.request.A1 of 2024-04-30T12:00:00.000Z.`,
        fix: null,
      },
      {
        id: 'subscription.latest-request',
        status: 'ok',
        cause: `The latest subscription request of ${ALICE} is 1 day old.`,
        fix: null,
      },
    ]);
  });

  it('fails a user subscribed to other events, and warns that their latest request is old', async () => {
    const report = await run({ event: orderEvent(), userId: BOB, store: await storeWithAlice() });
    const [status, latest] = ofGroup(report, 'subscription');
    expect(status).toMatchObject({
      status: 'fail',
      cause: `${BOB} is not subscribed to AMAZON.OrderStatus.Updated: their latest request amzn1.echo-api.request.B1 of 2024-01-22T12:00:00.000Z subscribes them to AMAZON.WeatherAlert.Activated.`,
    });
    expect(latest).toMatchObject({
      status: 'warn',
      cause: `The latest subscription request of ${BOB} is 100 days old, so a change the user made since may not have reached the store.`,
    });
    expect(report.ok).toBe(false);
  });

  it('fails a user the store has never heard of', async () => {
    const report = await run({
      event: orderEvent(),
      userId: 'amzn1.ask.account.NOBODY',
      store: new MemorySubscriptionStore(),
    });
    expect(ofGroup(report, 'subscription')).toEqual([
      expect.objectContaining({
        status: 'fail',
        cause:
          'sqlite:subs.db has no subscription request from amzn1.ask.account.NOBODY: the skill was never told that this user subscribed.',
      }),
    ]);
  });

  it('counts the subscribers of a Multicast event, failing when there are none', async () => {
    const store = await storeWithAlice();
    expect(ofGroup(await run({ event: weatherMulticast(), store }), 'subscription')).toEqual([
      {
        id: 'subscription.status',
        status: 'ok',
        cause: 'sqlite:subs.db records 1 user subscribed to AMAZON.WeatherAlert.Activated.',
        fix: null,
      },
    ]);
    const empty = ofGroup(
      await run({ event: weatherMulticast(), store: new MemorySubscriptionStore() }),
      'subscription',
    );
    expect(empty[0]).toMatchObject({
      status: 'fail',
      cause:
        'sqlite:subs.db records nobody subscribed to AMAZON.WeatherAlert.Activated, so a Multicast event reaches no one (and is still answered 202).',
    });
  });

  it('lists what a user is subscribed to when no event is given', async () => {
    const report = await run({ userId: ALICE, store: await storeWithAlice() });
    expect(ofGroup(report, 'subscription')[0]).toMatchObject({
      status: 'ok',
      cause: `${ALICE} is subscribed to AMAZON.OrderStatus.Updated (since request amzn1.echo-api.request.A1 of 2024-04-30T12:00:00.000Z).`,
    });
  });

  it('says "unknown" without a store', async () => {
    expect(ofGroup(await run({ event: orderEvent() }), 'subscription')).toEqual([
      expect.objectContaining({
        status: 'skipped',
        cause: 'No store was given, so whether anyone is subscribed is unknown.',
      }),
    ]);
  });
});

describe('stage check', () => {
  it('explains whom the development stage reaches', async () => {
    expect(ofGroup(await run({ event: orderEvent() }), 'stage')).toEqual([
      {
        id: 'stage.stage',
        status: 'ok',
        cause:
          'Events go to the development stage, which reaches only devices registered to the developer account (or testers) with the skill enabled for testing.',
        fix: null,
      },
    ]);
  });

  it('fails live when the local manifest lacks the publication, and warns otherwise', async () => {
    const missing = await run({
      event: orderEvent(),
      stage: 'live',
      manifest: 'test/fixtures/manifest/ask-cli/skill.json',
    });
    expect(ofGroup(missing, 'stage')[0]).toMatchObject({
      status: 'fail',
      cause:
        'The live stage needs a certified skill whose published manifest publishes AMAZON.OrderStatus.Updated, and the local manifest does not even declare it.',
    });
    const declared = await run({
      event: orderEvent(),
      stage: 'live',
      manifest: 'test/fixtures/manifest/ask-cli/expected.skill.json',
    });
    expect(ofGroup(declared, 'stage')[0]?.status).toBe('warn');
    expect(declared.manual.map((entry) => entry.id)).toEqual([
      'manual.live-skill-enabled',
      'manual.notifications-toggle',
      'manual.do-not-disturb',
      'manual.notification-indicator',
    ]);
  });
});

describe('region check', () => {
  const region = async (extra: Record<string, unknown>) => ofGroup(await run(extra), 'region')[0];

  it('passes an apiEndpoint on the host of the configured region', async () => {
    expect(await region({ region: 'EU', apiEndpoint: 'https://api.eu.amazonalexa.com' })).toEqual({
      id: 'region.endpoint',
      status: 'ok',
      cause:
        "The user's apiEndpoint is api.eu.amazonalexa.com, the host of region EU the event goes to.",
      fix: null,
    });
  });

  it('fails an apiEndpoint of another region and names the region to send to', async () => {
    expect(await region({ region: 'NA', apiEndpoint: 'https://api.fe.amazonalexa.com/' })).toEqual({
      id: 'region.endpoint',
      status: 'fail',
      cause:
        "The user's apiEndpoint is api.fe.amazonalexa.com (region FE), but the event goes to api.amazonalexa.com (region NA), where this user is unknown.",
      fix: "Send to region FE (--region FE, or region: 'FE' in the client).",
    });
  });

  it('warns about an unknown host, fails a non-URL, and skips without an apiEndpoint', async () => {
    expect((await region({ apiEndpoint: 'https://alexa.example.com' }))?.status).toBe('warn');
    expect(await region({ apiEndpoint: 'api.amazonalexa.com' })).toMatchObject({
      status: 'fail',
      cause: 'apiEndpoint "api.amazonalexa.com" is not a URL.',
    });
    expect(await region({})).toMatchObject({
      status: 'skipped',
      cause: "The user's apiEndpoint is unknown: the subscription stores do not record it.",
    });
  });

  it('refuses an unknown region or stage', async () => {
    await expect(run({ region: 'US' })).rejects.toThrow(
      'region must be one of NA, EU, FE, got "US".',
    );
    await expect(run({ stage: 'prod' })).rejects.toThrow(
      'stage must be one of development, live, got "prod".',
    );
  });
});
