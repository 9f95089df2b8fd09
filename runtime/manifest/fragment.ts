/**
 * The manifest block a skill needs to send proactive events, built from the facts that
 * generated/manifest.ts emits from the definitions. Dependency-free: the package imports it.
 */
import { unknownEventMessage } from './names.js';

/** The facts one manifest fragment is built from (see definitions/envelope.yaml, `manifest`). */
export interface ManifestFacts<N extends string = string> {
  /** manifest.permissions[].name that sending requires. */
  readonly permission: string;
  /** manifest.events.subscriptions[].eventName that reports subscription changes. */
  readonly subscription: string;
  /** Every schema a skill may publish, in the order of Amazon's catalog. */
  readonly publishableEvents: readonly N[];
}

export interface ManifestOptions<N extends string = string> {
  /** The schemas the skill sends; all of them when left out. Order and duplicates do not matter. */
  readonly events?: readonly N[];
}

/** `permissions` and `events` of a skill manifest, ready to merge into skill.json or project.js. */
export interface ManifestFragment<N extends string = string> {
  permissions: { name: string }[];
  events: {
    publications: { eventName: N }[];
    subscriptions: { eventName: string }[];
  };
}

/**
 * The fragment for the chosen schemas (all by default), publications in catalog order. An unknown
 * name or an empty choice throws a RangeError: a manifest that declares nothing sends nothing.
 */
export function buildManifestFragment<N extends string>(
  facts: ManifestFacts<N>,
  options: ManifestOptions<N> = {},
): ManifestFragment<N> {
  const chosen = options.events ?? facts.publishableEvents;
  if (chosen.length === 0) {
    throw new RangeError('manifestFragment: no events chosen (leave `events` out for all of them)');
  }
  for (const name of chosen) {
    if (!facts.publishableEvents.includes(name)) {
      throw new RangeError(
        `manifestFragment: ${unknownEventMessage(String(name), facts.publishableEvents)}`,
      );
    }
  }
  return {
    permissions: [{ name: facts.permission }],
    events: {
      publications: facts.publishableEvents
        .filter((name) => chosen.includes(name))
        .map((eventName) => ({ eventName })),
      subscriptions: [{ eventName: facts.subscription }],
    },
  };
}
