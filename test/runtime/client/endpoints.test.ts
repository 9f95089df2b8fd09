import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProactiveEventsClient } from '../../../runtime/client/client.js';
import { LWA_TOKEN_URL, resolveEndpoints } from '../../../runtime/client/endpoints.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { testValidator, weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

const credentials = { clientId: 'cid', clientSecret: 'csecret', validate: testValidator };

describe('endpoints', () => {
  it.each([
    ['NA', 'development', 'https://api.amazonalexa.com/v1/proactiveEvents/stages/development'],
    ['NA', 'live', 'https://api.amazonalexa.com/v1/proactiveEvents'],
    ['EU', 'development', 'https://api.eu.amazonalexa.com/v1/proactiveEvents/stages/development'],
    ['EU', 'live', 'https://api.eu.amazonalexa.com/v1/proactiveEvents'],
    ['FE', 'development', 'https://api.fe.amazonalexa.com/v1/proactiveEvents/stages/development'],
    ['FE', 'live', 'https://api.fe.amazonalexa.com/v1/proactiveEvents'],
  ] as const)('%s / %s → %s', (region, stage, url) => {
    expect(resolveEndpoints({ region, stage }).eventsUrl).toBe(url);
    const client = new ProactiveEventsClient({ ...credentials, region, stage });
    expect(client.eventsUrl).toBe(url);
    expect(client.tokenUrl).toBe('https://api.amazon.com/auth/o2/token');
  });

  it('defaults to NA and development, never live', () => {
    const client = new ProactiveEventsClient(credentials);
    expect(client.region).toBe('NA');
    expect(client.stage).toBe('development');
    expect(client.eventsUrl).toBe(
      'https://api.amazonalexa.com/v1/proactiveEvents/stages/development',
    );
    expect(LWA_TOKEN_URL).toBe('https://api.amazon.com/auth/o2/token');
  });

  it('rejects unknown regions, stages and non-http URLs', () => {
    expect(() => resolveEndpoints({ region: 'US' as never })).toThrow(
      'Unknown region "US": use one of NA, EU, FE.',
    );
    expect(() => resolveEndpoints({ stage: 'prod' as never })).toThrow(
      'Unknown stage "prod": use one of development, live.',
    );
    expect(() => resolveEndpoints({ apiUrl: 'ftp://x' })).toThrow(
      'apiUrl must be an http(s) URL, got "ftp://x".',
    );
  });

  it('apiUrl keeps the stage path; a trailing slash is tolerated', () => {
    expect(resolveEndpoints({ apiUrl: 'http://127.0.0.1:9/', stage: 'live' }).eventsUrl).toBe(
      'http://127.0.0.1:9/v1/proactiveEvents',
    );
  });
});

describe('endpoint overrides reach a real server', () => {
  let fake: FakeAmazon;
  beforeEach(async () => {
    fake = await FakeAmazon.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it.each([
    ['development', '/v1/proactiveEvents/stages/development'],
    ['live', '/v1/proactiveEvents'],
  ] as const)('stage %s posts to %s', async (stage, path) => {
    for (const region of ['NA', 'EU', 'FE'] as const) {
      const { client } = harness(fake, { region, stage });
      await client.sendProactiveEvent(weatherEvent(`e${region}`));
      await client.close();
    }
    expect(fake.eventRequestLog().map((r) => r.path)).toEqual([path, path, path]);
    expect(fake.requests.filter((r) => r.route === 'token').map((r) => r.path)).toEqual([
      '/auth/o2/token',
      '/auth/o2/token',
      '/auth/o2/token',
    ]);
  });
});
