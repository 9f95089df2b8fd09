/**
 * `diagnose(options)`: why did a proactive event not arrive? Runs every check the options allow and
 * returns the report `proactive-events doctor` prints. It reads nothing from generated code: the
 * caller passes the validator, the catalog's locales and the manifest names (the CLI passes the
 * generated ones), and owns the store it passes in.
 */
import {
  isRegion,
  isStage,
  REGIONS,
  STAGES,
  type Region,
  type Stage,
} from '../client/endpoints.js';
import type { EventValidator } from '../client/types.js';
import type { SubscriptionStore } from '../subscriptions/store.js';
import { eventChecks, type SchemaLocales } from './event-checks.js';
import { eventFacts, type EventFacts } from './event-facts.js';
import { liveChecks, type Credentials } from './live-checks.js';
import { readManifestFile, type ManifestSource } from './manifest-file.js';
import { manifestChecks, skillLocalesOf, type ManifestNames } from './manifest-checks.js';
import { manualChecks } from './manual-checks.js';
import { check, summarize, type Check, type DoctorReport } from './report.js';
import { regionCheck, stageCheck } from './stage-region-checks.js';
import { subscriptionChecks } from './subscription-checks.js';

export interface DiagnoseOptions {
  /** The event that did not arrive (parsed JSON). */
  readonly event?: unknown;
  /** How to name the event in the report (its file). */
  readonly eventSource?: string;
  /** Validates an event against a clock; required with `event` (the generated `validateProactiveEvent` fits). */
  readonly validate?: EventValidator;
  /** Each schema's name and supported locales (the generated `schemas` catalog fits). */
  readonly schemas?: readonly SchemaLocales[];
  /** The names a manifest must declare (generated/manifest.ts `notificationsPermission`, `subscriptionEvent`). */
  readonly manifestNames: ManifestNames;
  /** A skill.json or project.js path, or a manifest already read with `readManifestFile`. */
  readonly manifest?: string | ManifestSource;
  /** The user to look up; defaults to the Unicast user of the event. */
  readonly userId?: string;
  readonly store?: SubscriptionStore;
  /** How to name the store in the report (a URL or path). */
  readonly storeLabel?: string;
  readonly region?: Region;
  /** The stage the event was sent to. The live check always sends to development. */
  readonly stage?: Stage;
  /** The user's `context.System.apiEndpoint`. */
  readonly apiEndpoint?: string;
  readonly credentials?: Credentials;
  /** Request a token and send the event to the development stage (needs `credentials`). */
  readonly liveCheck?: boolean;
  /** Replaces the regional API host (a local stand-in); the development path is appended. */
  readonly apiUrl?: string;
  readonly tokenUrl?: string;
  /** Per HTTP request of the live checks. Default 10 s. */
  readonly timeoutMs?: number;
  /** The clock: epoch ms, a Date, or a function returning epoch ms. Default Date.now. */
  readonly now?: number | Date | (() => number);
  /** A latest subscription request older than this is reported. Default 30 days. */
  readonly recentDays?: number;
}

export async function diagnose(options: DiagnoseOptions): Promise<DoctorReport> {
  const region = options.region ?? 'NA';
  const stage = options.stage ?? 'development';
  if (!isRegion(region))
    throw new TypeError(
      `region must be one of ${REGIONS.join(', ')}, got ${JSON.stringify(region)}.`,
    );
  if (!isStage(stage))
    throw new TypeError(`stage must be one of ${STAGES.join(', ')}, got ${JSON.stringify(stage)}.`);
  const hasEvent = options.event !== undefined;
  if (hasEvent && typeof options.validate !== 'function') {
    throw new TypeError(
      'diagnose: `validate` is required with `event` (e.g. the generated validateProactiveEvent).',
    );
  }
  const now = clock(options.now);
  const source =
    typeof options.manifest === 'string'
      ? await readManifestFile(options.manifest)
      : options.manifest;
  const facts: EventFacts | undefined = hasEvent ? eventFacts(options.event) : undefined;
  const userId = options.userId ?? facts?.userId;

  const checks: Check[] = [];
  let eventValid = false;
  if (facts !== undefined) {
    const results = eventChecks({
      event: options.event,
      facts,
      validate: options.validate!,
      now,
      schemas: options.schemas ?? [],
      skillLocales: skillLocalesOf(source),
      userId: options.userId,
    });
    eventValid = results.valid;
    checks.push(...results.checks);
  } else {
    checks.push(
      check(
        'event',
        'validation',
        'event',
        'skipped',
        'No event was given, so only the skill, the user and the credentials were checked.',
        'Pass the event file that did not arrive.',
      ),
    );
  }
  const manifest = manifestChecks({ source, names: options.manifestNames, eventName: facts?.name });
  checks.push(...manifest);
  checks.push(
    stageCheck(
      stage,
      facts?.name,
      manifest.find((entry) => entry.id === 'manifest.publication')!,
    ),
  );
  checks.push(regionCheck(region, options.apiEndpoint));
  checks.push(
    ...(await subscriptionChecks({
      store: options.store,
      storeLabel: options.storeLabel ?? 'The store',
      userId,
      eventName: facts?.name,
      now,
      recentDays: options.recentDays ?? 30,
    })),
  );
  checks.push(
    ...(await liveChecks({
      liveCheck: options.liveCheck ?? false,
      credentials: options.credentials,
      event: options.event,
      facts,
      eventValid,
      region,
      apiUrl: options.apiUrl,
      tokenUrl: options.tokenUrl,
      timeoutMs: options.timeoutMs ?? 10_000,
    })),
  );
  const summary = summarize(checks);
  return {
    ok: summary.fail === 0,
    summary,
    context: {
      checkedAt: new Date(now).toISOString(),
      eventSource: hasEvent ? (options.eventSource ?? null) : null,
      eventName: facts?.name ?? null,
      audience: facts?.audience ?? null,
      userId: userId ?? null,
      region,
      stage,
      manifest: source?.file ?? null,
      store: options.store === undefined ? null : (options.storeLabel ?? null),
      liveCheck: (options.liveCheck ?? false) && options.credentials !== undefined,
    },
    checks,
    manual: manualChecks(stage),
  };
}

function clock(now: DiagnoseOptions['now']): number {
  const value =
    typeof now === 'function' ? now() : now instanceof Date ? now.getTime() : (now ?? Date.now());
  if (!Number.isFinite(value)) throw new TypeError('diagnose: `now` is not a valid time.');
  return value;
}
