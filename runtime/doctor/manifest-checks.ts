/**
 * Manifest checks: the notifications permission, a publication for the event, and the subscription
 * event (with the endpoint Alexa sends it to). The names come from the caller (the generated manifest
 * facts in the CLI); every fix names the `manifest --write` command that makes it.
 */
import type { ManifestSource } from './manifest-file.js';
import { hiddenMembers, Opaque } from './project-js.js';
import { check, type Check } from './report.js';

/** The names a manifest must declare (generated/manifest.ts: notificationsPermission, subscriptionEvent). */
export interface ManifestNames {
  readonly permission: string;
  readonly subscription: string;
}

type Lookup =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'opaque'; readonly opaque: Opaque };

/** Follows `path` through plain objects, noticing computed parts that may hold the member. */
function lookup(root: unknown, path: readonly string[]): Lookup {
  let current: unknown = root;
  for (const key of path) {
    if (current instanceof Opaque) return { kind: 'opaque', opaque: current };
    if (current === null || typeof current !== 'object' || Array.isArray(current)) {
      return { kind: 'absent' };
    }
    const record = current as Record<string | symbol, unknown>;
    if (!Object.hasOwn(record, key)) {
      const hidden = record[hiddenMembers] as Opaque[] | undefined;
      return hidden === undefined ? { kind: 'absent' } : { kind: 'opaque', opaque: hidden[0]! };
    }
    current = record[key];
  }
  return current instanceof Opaque
    ? { kind: 'opaque', opaque: current }
    : { kind: 'value', value: current };
}

/** The string `key` of every entry of the array at `path`, and the first computed part met. */
function namesAt(
  manifest: unknown,
  path: readonly string[],
  key: string,
): { names: string[]; opaque: Opaque | undefined } {
  const found = lookup(manifest, path);
  if (found.kind === 'opaque') return { names: [], opaque: found.opaque };
  if (found.kind === 'absent' || !Array.isArray(found.value))
    return { names: [], opaque: undefined };
  const names: string[] = [];
  let opaque: Opaque | undefined;
  for (const entry of found.value) {
    const member = lookup(entry, [key]);
    if (member.kind === 'opaque') opaque ??= member.opaque;
    else if (member.kind === 'value' && typeof member.value === 'string') names.push(member.value);
  }
  return { names, opaque };
}

export interface ManifestCheckInput {
  readonly source: ManifestSource | undefined;
  readonly names: ManifestNames;
  readonly eventName: string | undefined;
}

export function manifestChecks(input: ManifestCheckInput): Check[] {
  const { source } = input;
  if (source === undefined) {
    const skipped = (name: string, title: string) =>
      check(
        'manifest',
        name,
        title,
        'skipped',
        'No manifest was given, so what the skill declares is unknown.',
        'Pass --manifest skill-package/skill.json (ASK CLI) or --manifest project.js (Jovo v3).',
      );
    return [
      skipped('permission', 'notifications permission'),
      skipped('publication', 'publication'),
      skipped('subscription', 'subscription event'),
    ];
  }
  const stageNote =
    source.stagesWithAlexaSkill.length === 0
      ? []
      : [
          `Jovo stages ${source.stagesWithAlexaSkill.join(', ')} define their own alexaSkill, merged over this one when deployed to that stage: check them too.`,
        ];
  return [
    permissionCheck(input, source, stageNote),
    publicationCheck(input, source, stageNote),
    subscriptionCheck(input, source, stageNote),
  ];
}

function writeCommand(source: ManifestSource, eventName?: string): string {
  const events = eventName === undefined ? '' : ` --events ${eventName}`;
  return `proactive-events manifest${events} --write ${source.file}`;
}

function unreadable(
  name: string,
  title: string,
  source: ManifestSource,
  what: string,
  opaque: Opaque,
  details: readonly string[],
): Check {
  return check(
    'manifest',
    name,
    title,
    'warn',
    `${source.file} does not declare ${what} literally, and \`${opaque.excerpt}\` at ${opaque.at} is computed when the file runs, so it cannot be read from here.`,
    `Check the manifest your build deploys, or write ${what} out in ${source.where}.`,
    details,
  );
}

function permissionCheck(
  input: ManifestCheckInput,
  source: ManifestSource,
  notes: string[],
): Check {
  const title = 'notifications permission';
  const { permission } = input.names;
  const { names, opaque } = namesAt(source.manifest, ['permissions'], 'name');
  if (names.includes(permission)) {
    return check(
      'manifest',
      'permission',
      title,
      'ok',
      `${source.file} declares ${permission}.`,
      null,
      notes,
    );
  }
  if (opaque !== undefined) {
    return unreadable('permission', title, source, `the ${permission} permission`, opaque, notes);
  }
  return check(
    'manifest',
    'permission',
    title,
    'fail',
    `${source.file} does not declare ${permission} in ${source.where}.permissions, so users cannot turn notifications on for the skill and the token request fails with invalid_scope.`,
    `Run \`${writeCommand(source, input.eventName)}\`, then deploy the skill.`,
    notes,
  );
}

function publicationCheck(
  input: ManifestCheckInput,
  source: ManifestSource,
  notes: string[],
): Check {
  const title = 'publication';
  const { names, opaque } = namesAt(source.manifest, ['events', 'publications'], 'eventName');
  const declared = names.length === 0 ? [] : [`declared: ${names.join(', ')}`];
  const { eventName } = input;
  if (eventName === undefined) {
    if (names.length > 0) {
      return check(
        'manifest',
        'publication',
        title,
        'ok',
        `${source.file} publishes ${names.length} event${names.length === 1 ? '' : 's'}.`,
        null,
        [...declared, ...notes],
      );
    }
  } else if (names.includes(eventName)) {
    return check(
      'manifest',
      'publication',
      title,
      'ok',
      `${source.file} publishes ${eventName}.`,
      null,
      notes,
    );
  }
  if (opaque !== undefined) {
    return unreadable(
      'publication',
      title,
      source,
      eventName === undefined ? 'its publications' : `a publication for ${eventName}`,
      opaque,
      [...declared, ...notes],
    );
  }
  return check(
    'manifest',
    'publication',
    title,
    'fail',
    eventName === undefined
      ? `${source.file} declares no ${source.where}.events.publications, so the skill may send no event at all.`
      : `${source.file} has no publication for ${eventName} in ${source.where}.events.publications, so Amazon refuses to deliver it (or the token request fails with invalid_scope).`,
    `Run \`${writeCommand(source, eventName)}\`, then deploy the skill.`,
    [...declared, ...notes],
  );
}

function subscriptionCheck(
  input: ManifestCheckInput,
  source: ManifestSource,
  notes: string[],
): Check {
  const title = 'subscription event';
  const { subscription } = input.names;
  const { names, opaque } = namesAt(source.manifest, ['events', 'subscriptions'], 'eventName');
  if (!names.includes(subscription)) {
    if (opaque !== undefined) {
      return unreadable(
        'subscription',
        title,
        source,
        `the ${subscription} subscription`,
        opaque,
        notes,
      );
    }
    return check(
      'manifest',
      'subscription',
      title,
      'fail',
      `${source.file} does not subscribe to ${subscription}, so the skill is never told who subscribed and its store stays empty.`,
      `Run \`${writeCommand(source, input.eventName)}\`, then deploy the skill.`,
      notes,
    );
  }
  const endpoint = lookup(source.manifest, ['events', 'endpoint']);
  if (endpoint.kind === 'absent') {
    return check(
      'manifest',
      'subscription',
      title,
      'warn',
      `${source.file} subscribes to ${subscription} but has no ${source.where}.events.endpoint, so Alexa has nowhere to send the subscription changes.`,
      "Add events.endpoint (your skill's Lambda ARN or HTTPS URL) yourself: `manifest --write` never writes it.",
      notes,
    );
  }
  return check(
    'manifest',
    'subscription',
    title,
    'ok',
    `${source.file} subscribes to ${subscription} and names an events endpoint.`,
    null,
    notes,
  );
}

/** The locales the manifest's publishingInformation lists, or undefined when it lists none. */
export function skillLocalesOf(source: ManifestSource | undefined): string[] | undefined {
  if (source === undefined) return undefined;
  const found = lookup(source.manifest, ['publishingInformation', 'locales']);
  if (found.kind !== 'value' || found.value === null || typeof found.value !== 'object')
    return undefined;
  const locales = Object.keys(found.value).sort();
  return locales.length === 0 ? undefined : locales;
}
