/**
 * Where the event goes: the stage (who it can reach at all) and the region (whether the user's
 * Alexa lives behind the host the event is sent to).
 */
import { REGION_HOSTS, REGIONS, type Region, type Stage } from '../client/endpoints.js';
import { check, type Check } from './report.js';

export function stageCheck(
  stage: Stage,
  eventName: string | undefined,
  publicationCheck: Check,
): Check {
  const event = eventName ?? 'the event';
  if (stage === 'development') {
    return check(
      'stage',
      'stage',
      'stage',
      'ok',
      'Events go to the development stage, which reaches only devices registered to the developer account (or testers) with the skill enabled for testing.',
      null,
    );
  }
  if (publicationCheck.status === 'fail') {
    return check(
      'stage',
      'stage',
      'stage',
      'fail',
      `The live stage needs a certified skill whose published manifest publishes ${event}, and the local manifest does not even declare it.`,
      'Add the publication (see the manifest checks), submit the skill for certification, and test with --stage development meanwhile.',
    );
  }
  return check(
    'stage',
    'stage',
    'stage',
    'warn',
    `The live stage reaches only users of the certified, published skill, and only if the published manifest (not the local file) publishes ${event}; that cannot be seen from here.`,
    "Check in the developer console that the live version's manifest carries the publication (a manifest change goes live only after certification), and test with --stage development meanwhile.",
  );
}

export function regionCheck(region: Region, apiEndpoint: string | undefined): Check {
  const expected = REGION_HOSTS[region];
  if (apiEndpoint === undefined) {
    return check(
      'region',
      'endpoint',
      'region',
      'skipped',
      "The user's apiEndpoint is unknown: the subscription stores do not record it.",
      `Pass --api-endpoint with context.System.apiEndpoint from a request of this user (events go to ${expected}, region ${region}).`,
    );
  }
  let host: string;
  try {
    host = new URL(apiEndpoint).host.toLowerCase();
  } catch {
    return check(
      'region',
      'endpoint',
      'region',
      'fail',
      `apiEndpoint ${JSON.stringify(apiEndpoint)} is not a URL.`,
      'Pass context.System.apiEndpoint exactly as a request of the user carries it, e.g. https://api.eu.amazonalexa.com.',
    );
  }
  const userRegion = REGIONS.find((candidate) => new URL(REGION_HOSTS[candidate]).host === host);
  if (userRegion === region) {
    return check(
      'region',
      'endpoint',
      'region',
      'ok',
      `The user's apiEndpoint is ${host}, the host of region ${region} the event goes to.`,
      null,
    );
  }
  if (userRegion !== undefined) {
    return check(
      'region',
      'endpoint',
      'region',
      'fail',
      `The user's apiEndpoint is ${host} (region ${userRegion}), but the event goes to ${new URL(expected).host} (region ${region}), where this user is unknown.`,
      `Send to region ${userRegion} (--region ${userRegion}, or region: '${userRegion}' in the client).`,
    );
  }
  return check(
    'region',
    'endpoint',
    'region',
    'warn',
    `The user's apiEndpoint ${host} is none of the documented region hosts (${REGIONS.map((r) => `${r} ${new URL(REGION_HOSTS[r]).host}`).join(', ')}).`,
    "Check that the value is the user's context.System.apiEndpoint, and send to the region whose host it names.",
  );
}
