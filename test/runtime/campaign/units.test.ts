// The pure parts of campaigns: ids, limiter settings, failure reasons, the missing-package error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ProactiveEventsApiError,
  ProactiveEventsNetworkError,
} from '../../../runtime/client/errors.js';
import { classifyFailure, reasonOf } from '../../../runtime/campaign/failures.js';
import {
  assertCampaignId,
  deriveCampaignId,
  jobId,
  queueName,
} from '../../../runtime/campaign/keys.js';
import { loadBullMQ } from '../../../runtime/campaign/load.js';
import { limiterFor, throttlePause } from '../../../runtime/campaign/rate.js';

describe('job ids', () => {
  it('are the same for the same (campaign, referenceId, user) and differ otherwise', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.string(), fc.string(), fc.string()),
        fc.tuple(fc.string(), fc.string(), fc.string()),
        (a, b) => {
          expect(jobId(...a)).toBe(jobId(...a));
          expect(jobId(...a)).toMatch(/^j[0-9a-f]{40}$/);
          if (a.join('\u0000') !== b.join('\u0000')) expect(jobId(...a)).not.toBe(jobId(...b));
        },
      ),
    );
    // The parts are delimited: moving a character across a boundary changes the id.
    expect(jobId('c', 'a:b', 'u')).not.toBe(jobId('c', 'a', 'b:u'));
  });

  it('campaign ids are checked and derived ids are stable', () => {
    expect(queueName('weekly-2024_05')).toBe('campaign-weekly-2024_05');
    expect(() => assertCampaignId('a:b')).toThrow(
      'campaign id "a:b" must be 1-64 letters, digits, "_" or "-"',
    );
    expect(deriveCampaignId(['events', '{}'])).toBe(deriveCampaignId(['events', '{}']));
    expect(deriveCampaignId(['events', '{}'])).toMatch(/^c[0-9a-f]{15}$/);
    expect(deriveCampaignId(['ab', 'c'])).not.toBe(deriveCampaignId(['a', 'bc']));
  });
});

describe('rate', () => {
  it('turns events per second into BullMQ limiter settings', () => {
    expect(limiterFor(100)).toEqual({ max: 100, duration: 1000 });
    expect(limiterFor(0.5)).toEqual({ max: 1, duration: 2000 });
    expect(() => limiterFor(0)).toThrow(RangeError);
  });
  it('pauses for Retry-After, 1 s without one, never more than 5 min', () => {
    expect(throttlePause(undefined)).toBe(1000);
    expect(throttlePause(2500)).toBe(2500);
    expect(throttlePause(3_600_000)).toBe(300_000);
  });
});

describe('failure classification', () => {
  const api = (status: number, retryAfterMs?: number) =>
    new ProactiveEventsApiError({
      status,
      referenceId: 'r1',
      attempts: 1,
      audience: 'Unicast',
      freshToken: false,
      retryAfterMs,
    });
  it('retries what the client retries and names the reason', () => {
    expect(
      [400, 403, 409, 429, 432, 500, 503].map((s) => [s, classifyFailure(api(s)).retryable]),
    ).toEqual([
      [400, false],
      [403, false],
      [409, false],
      [429, true],
      [432, false],
      [500, true],
      [503, true],
    ]);
    expect(classifyFailure(api(429, 2000))).toMatchObject({
      reason: 'http-429',
      retryAfterMs: 2000,
    });
    const network = new ProactiveEventsNetworkError({
      timedOut: true,
      detail: 'x',
      url: 'http://127.0.0.1:1',
      timeoutMs: 10,
      attempts: 1,
    });
    expect(classifyFailure(network)).toMatchObject({ reason: 'timeout', retryable: true });
    expect(classifyFailure(new Error('boom\nstack'))).toEqual({
      reason: 'error',
      retryable: false,
      message: 'boom',
    });
  });
  it('reads the reason back from a failedReason', () => {
    expect(reasonOf('http-403: Amazon answered 403')).toBe('http-403');
    expect(reasonOf('job stalled more than allowable limit')).toBe('stalled');
    expect(reasonOf(undefined)).toBe('other');
  });
});

it('names the package to install when bullmq is missing', async () => {
  const missing = () => Promise.reject(new Error("Cannot find package 'bullmq'\n  at x"));
  await expect(loadBullMQ(missing)).rejects.toThrow(
    'campaigns need the optional package "bullmq": install it with "npm install bullmq" (Cannot find package \'bullmq\')',
  );
});
