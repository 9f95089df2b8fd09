import type { Problem } from '../definitions/problems.js';
import type { SourceFile } from '../definitions/source.js';
import { buildFieldMap, type RawField } from './build-fields.js';
import { patternProblem } from './patterns.js';
import type { Envelope } from './types.js';

interface Described {
  description: string;
}

/** The envelope definition as definition.schema.json describes it. */
interface RawEnvelope {
  description: string;
  reference: string;
  fields: Record<string, RawField>;
  event: Described & { name: Described; payload: Described };
  localizedAttributes: Described & {
    referencePrefix: string;
    fallbackLocale: string;
    locale: Described & { pattern: string };
  };
  relevantAudience: Described & {
    types: {
      Unicast: Described & { user: Described & { expectedPrefix: string } };
      Multicast: Described;
    };
  };
  expiryWindow: Envelope['expiryWindow'];
  manifest: {
    description: string;
    reference: string;
    permission: { name: string; description: string };
    subscription: { eventName: string; description: string };
  };
}

/** The envelope's plain fields, which the emitters place before event, localizedAttributes and relevantAudience. */
const envelopeFieldNames = ['timestamp', 'referenceId', 'expiryTime'];

export function buildEnvelope(
  source: SourceFile,
  relativeFile: string,
): { envelope: Envelope; problems: Problem[] } {
  const raw = source.value as RawEnvelope;
  const problems: Problem[] = [];
  const fields = buildFieldMap({ source, stem: 'Envelope', problems }, raw.fields, '/fields', []);
  const names = fields.map((field) => field.key);
  for (const name of envelopeFieldNames) {
    if (!names.includes(name))
      problems.push(
        source.problem(
          '/fields',
          `the envelope field "${name}" is missing (${envelopeFieldNames.join(', ')})`,
        ),
      );
  }
  for (const field of fields) {
    // Amazon's envelope fields are texts: the emitted types, the builders and the validator's
    // scan of the envelope rely on it.
    if (field.kind !== 'string' && field.kind !== 'date-time') {
      problems.push(
        source.problem(
          `/fields/${field.key}/type`,
          `an envelope field is a string or a date-time, not ${field.kind === 'integer' || field.kind === 'enum' ? 'an' : 'a'} ${field.kind}`,
        ),
      );
    }
    if (!envelopeFieldNames.includes(field.key)) {
      problems.push(
        source.problem(
          `/fields/${field.key}`,
          `unknown envelope field "${field.key}" (one of ${envelopeFieldNames.join(', ')}; Amazon's envelope is closed)`,
          { key: true },
        ),
      );
    }
  }
  const localeProblem = patternProblem(raw.localizedAttributes.locale.pattern);
  if (localeProblem !== undefined) {
    problems.push(source.problem('/localizedAttributes/locale/pattern', localeProblem));
  }
  if (
    localeProblem === undefined &&
    !new RegExp(raw.localizedAttributes.locale.pattern, 'u').test(
      raw.localizedAttributes.fallbackLocale,
    )
  ) {
    problems.push(
      source.problem(
        '/localizedAttributes/fallbackLocale',
        `${JSON.stringify(raw.localizedAttributes.fallbackLocale)} is not a locale (matching ${raw.localizedAttributes.locale.pattern}, such as en-US)`,
      ),
    );
  }
  const window = raw.expiryWindow;
  for (const end of ['start', 'end'] as const) {
    const field = fields.find((candidate) => candidate.key === window[end]);
    // Required: the boolean path checks both ends with the window, as one rule.
    if (field?.kind !== 'date-time' || !field.required) {
      problems.push(
        source.problem(
          `/expiryWindow/${end}`,
          `"${window[end]}" is not a required date-time field of the envelope (one of ${fields
            .filter((candidate) => candidate.kind === 'date-time' && candidate.required)
            .map((candidate) => candidate.key)
            .join(', ')})`,
        ),
      );
    }
  }
  if (
    window.minMinutes >= window.maxMinutes ||
    window.defaultMinutes < window.minMinutes ||
    window.defaultMinutes > window.maxMinutes
  ) {
    problems.push(
      source.problem(
        '/expiryWindow',
        `the window is inconsistent (minMinutes < maxMinutes, and defaultMinutes between them)`,
      ),
    );
  }
  return {
    envelope: {
      description: raw.description.trim(),
      reference: raw.reference,
      fields,
      event: {
        description: raw.event.description.trim(),
        name: raw.event.name.description.trim(),
        payload: raw.event.payload.description.trim(),
      },
      localizedAttributes: {
        description: raw.localizedAttributes.description.trim(),
        referencePrefix: raw.localizedAttributes.referencePrefix,
        localeDescription: raw.localizedAttributes.locale.description.trim(),
        localePattern: raw.localizedAttributes.locale.pattern,
        fallbackLocale: raw.localizedAttributes.fallbackLocale,
      },
      relevantAudience: {
        description: raw.relevantAudience.description.trim(),
        unicast: {
          description: raw.relevantAudience.types.Unicast.description.trim(),
          userDescription: raw.relevantAudience.types.Unicast.user.description.trim(),
          userPrefix: raw.relevantAudience.types.Unicast.user.expectedPrefix,
        },
        multicast: { description: raw.relevantAudience.types.Multicast.description.trim() },
      },
      expiryWindow: { ...window },
      manifest: {
        description: raw.manifest.description.trim(),
        reference: raw.manifest.reference,
        permission: {
          name: raw.manifest.permission.name,
          description: raw.manifest.permission.description.trim(),
        },
        subscription: {
          eventName: raw.manifest.subscription.eventName,
          description: raw.manifest.subscription.description.trim(),
        },
      },
      source: relativeFile,
    },
    problems,
  };
}
