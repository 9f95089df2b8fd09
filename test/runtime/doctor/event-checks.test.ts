import { describe, expect, it } from 'vitest';
import { diagnose, type DoctorReport, type ManifestSource } from '../../../runtime/doctor/index.js';
import {
  ALICE,
  BOB,
  MINUTE,
  NOW,
  generatedInputs,
  orderEvent,
  weatherMulticast,
} from '../../support/doctor-fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();

function byId(report: DoctorReport, id: string) {
  const found = report.checks.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
}

function skillWithLocales(...locales: string[]): ManifestSource {
  return {
    file: 'skill.json',
    format: 'skill-json',
    where: 'manifest',
    stagesWithAlexaSkill: [],
    manifest: {
      publishingInformation: {
        locales: Object.fromEntries(locales.map((l) => [l, { name: 'x' }])),
      },
    },
  };
}

const run = (event: unknown, extra: Record<string, unknown> = {}) =>
  diagnose({ ...generatedInputs, event, now: NOW, ...extra });

describe('event checks', () => {
  it('passes a valid, fresh Unicast event', async () => {
    const report = await run(orderEvent());
    const event = report.checks.filter((entry) => entry.group === 'event');
    expect(event.map((entry) => [entry.id, entry.status])).toEqual([
      ['event.validation', 'ok'],
      ['event.expiry', 'ok'],
      ['event.timestamp', 'ok'],
      ['event.locales', 'skipped'],
      ['event.audience', 'ok'],
    ]);
    expect(byId(report, 'event.expiry').cause).toBe(
      `The event expires in 59 minutes (expiryTime ${iso(NOW + 59 * MINUTE)}).`,
    );
    expect(byId(report, 'event.timestamp').cause).toBe(
      `timestamp ${iso(NOW - MINUTE)} is 1 minute ago.`,
    );
    expect(byId(report, 'event.audience').cause).toBe(
      `The event is addressed to one user, ${ALICE}.`,
    );
    expect(report.context).toMatchObject({
      eventName: 'AMAZON.OrderStatus.Updated',
      audience: 'Unicast',
      userId: ALICE,
      checkedAt: iso(NOW),
    });
  });

  it('fails an invalid event and lists every issue with its pointer', async () => {
    const event = orderEvent();
    (event.event as { payload: { state: { status: string } } }).payload.state.status = 'SHIPPED';
    const check = byId(await run(event), 'event.validation');
    expect(check.status).toBe('fail');
    expect(check.cause).toBe(
      'The event has 1 error Amazon refuses with a 400 (or accepts and never delivers).',
    );
    expect(check.details).toEqual([
      expect.stringMatching(
        /^\/event\/payload\/state\/status: "SHIPPED" is not one of .* \(enum\)$/,
      ),
    ]);
  });

  it('fails an event that has expired, and leaves that out of the validation check', async () => {
    const report = await run(
      orderEvent({ timestamp: iso(NOW - 120 * MINUTE), expiryTime: iso(NOW - 60 * MINUTE) }),
    );
    expect(byId(report, 'event.validation').status).toBe('ok');
    expect(byId(report, 'event.expiry')).toMatchObject({
      status: 'fail',
      cause: `The event expired 1 hour ago (expiryTime ${iso(NOW - 60 * MINUTE)}); Amazon does not deliver expired events.`,
      fix: 'Build the event again with a fresh timestamp and a longer expiresIn (the builders default to one hour).',
    });
    expect(report.ok).toBe(false);
  });

  it('fails an event expiring within the five minutes Amazon requires', async () => {
    const report = await run(
      orderEvent({ timestamp: iso(NOW - 57 * MINUTE), expiryTime: iso(NOW + 3 * MINUTE) }),
    );
    expect(byId(report, 'event.expiry')).toMatchObject({
      status: 'fail',
      cause: `The event expires in 3 minutes (expiryTime ${iso(NOW + 3 * MINUTE)}), less than the 5 minutes Amazon requires.`,
    });
  });

  it('warns about a timestamp in the future of the clock', async () => {
    const report = await run(
      orderEvent({ timestamp: iso(NOW + 10 * MINUTE), expiryTime: iso(NOW + 70 * MINUTE) }),
    );
    expect(byId(report, 'event.timestamp')).toMatchObject({
      status: 'warn',
      cause: `timestamp ${iso(NOW + 10 * MINUTE)} is 10 minutes in the future of this clock (${iso(NOW)}).`,
    });
    expect(byId(report, 'event.validation').status).toBe('ok');
    expect(report.ok).toBe(true);
  });

  it('warns when localizedAttributes misses a locale the skill serves', async () => {
    const event = weatherMulticast();
    event.localizedAttributes = [{ locale: 'en-US', weatherAlertSource: 'Example Weather Corp' }];
    const check = byId(
      await run(event, { manifest: skillWithLocales('en-US', 'fr-FR') }),
      'event.locales',
    );
    expect(check).toMatchObject({
      status: 'warn',
      cause:
        'The skill serves fr-FR, but localizedAttributes has texts only for en-US, so users speaking it may get nothing.',
      details: ['fr-FR: no localizedAttributes entry'],
    });
  });

  it('passes localizedAttributes that cover every locale of the skill', async () => {
    const check = byId(
      await run(weatherMulticast(), { manifest: skillWithLocales('de-DE', 'en-US') }),
      'event.locales',
    );
    expect(check).toMatchObject({
      status: 'ok',
      cause: 'localizedAttributes covers every locale the skill serves (de-DE, en-US).',
    });
  });

  it('warns when the skill serves a locale the schema does not support', async () => {
    const check = byId(
      await run(orderEvent(), { manifest: skillWithLocales('de-DE', 'en-US') }),
      'event.locales',
    );
    expect(check).toMatchObject({
      status: 'warn',
      cause:
        'The skill serves de-DE, which AMAZON.OrderStatus.Updated does not support, so users speaking it may not get this event.',
      details: ['de-DE: not a locale AMAZON.OrderStatus.Updated supports'],
    });
  });

  it('warns that Multicast reaches only subscribers and is answered 202 anyway', async () => {
    const report = await run(weatherMulticast());
    expect(byId(report, 'event.audience')).toMatchObject({
      status: 'warn',
      cause:
        'A Multicast event reaches only users subscribed to AMAZON.WeatherAlert.Activated with notifications on, and Amazon answers 202 even when nobody is.',
    });
    expect(report.context.userId).toBeNull();
  });

  it('warns when the event is addressed to another user than --user', async () => {
    const check = byId(await run(orderEvent(), { userId: BOB }), 'event.audience');
    expect(check).toMatchObject({
      status: 'warn',
      cause: `The event is addressed to ${ALICE}, not to ${BOB}, the user you asked about.`,
    });
  });

  it('skips the event checks without an event, and requires a validator with one', async () => {
    const report = await diagnose({ ...generatedInputs, now: NOW });
    expect(report.checks.filter((entry) => entry.group === 'event')).toEqual([
      expect.objectContaining({ id: 'event.validation', status: 'skipped' }),
    ]);
    await expect(
      diagnose({ manifestNames: generatedInputs.manifestNames, event: orderEvent() }),
    ).rejects.toThrow('diagnose: `validate` is required with `event`');
  });
});
