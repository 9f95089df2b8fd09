/**
 * Where requests go. Amazon serves the Proactive Events API from one host per region and puts the
 * development stage under its own path; Login with Amazon is a single global endpoint. Every URL can be
 * overridden so tests and users can point the client at a local server.
 */

export const REGIONS = ['NA', 'EU', 'FE'] as const;
export type Region = (typeof REGIONS)[number];

export const STAGES = ['development', 'live'] as const;
export type Stage = (typeof STAGES)[number];

/** Regional API hosts (API_REF). */
export const REGION_HOSTS: Readonly<Record<Region, string>> = Object.freeze({
  NA: 'https://api.amazonalexa.com',
  EU: 'https://api.eu.amazonalexa.com',
  FE: 'https://api.fe.amazonalexa.com',
});

/** Paths per stage: development events never reach real customers and are not rate-limited by 432. */
export const STAGE_PATHS: Readonly<Record<Stage, string>> = Object.freeze({
  development: '/v1/proactiveEvents/stages/development',
  live: '/v1/proactiveEvents',
});

/** LWA token endpoint (lower-case `o2`; LWA accepts both spellings). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export interface EndpointOptions {
  region?: Region;
  stage?: Stage;
  /** Replaces the regional host (scheme + host + optional port/prefix); the stage path is still appended. */
  apiUrl?: string;
  /** Replaces the whole LWA token URL. */
  tokenUrl?: string;
}

export interface ResolvedEndpoints {
  region: Region;
  stage: Stage;
  /** Full URL events are POSTed to. */
  eventsUrl: string;
  /** Full LWA token URL. */
  tokenUrl: string;
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/**
 * Builds the URLs for a region/stage pair. Values are checked at run time because JavaScript callers and
 * the CLI can pass anything, and a typo must not silently fall back to another region or to live.
 */
export function resolveEndpoints(options: EndpointOptions = {}): ResolvedEndpoints {
  const region = options.region ?? 'NA';
  const stage = options.stage ?? 'development';
  if (!isRegion(region)) {
    throw new TypeError(
      `Unknown region ${JSON.stringify(region)}: use one of ${REGIONS.join(', ')}.`,
    );
  }
  if (!isStage(stage)) {
    throw new TypeError(`Unknown stage ${JSON.stringify(stage)}: use one of ${STAGES.join(', ')}.`);
  }
  const base =
    options.apiUrl === undefined ? REGION_HOSTS[region] : checkUrl(options.apiUrl, 'apiUrl');
  const tokenUrl =
    options.tokenUrl === undefined ? LWA_TOKEN_URL : checkUrl(options.tokenUrl, 'tokenUrl');
  return {
    region,
    stage,
    // A trailing slash on the override would otherwise produce `//v1/...`, which some servers reject.
    eventsUrl: base.replace(/\/+$/, '') + STAGE_PATHS[stage],
    tokenUrl,
  };
}

function checkUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${name} must be an http(s) URL, got ${JSON.stringify(value)}.`);
  }
  return value;
}
