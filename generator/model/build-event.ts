import { basename } from 'node:path';
import { definitionExtension } from '../definitions/files.js';
import { escapeSegment } from '../definitions/pointer.js';
import { append, type Problem } from '../definitions/problems.js';
import type { SourceFile } from '../definitions/source.js';
import { buildRoot, fieldAt, type RawField } from './build-fields.js';
import { shortNameOf, typeStemOf } from './names.js';
import { checkSpokenWords, checkTemplate } from './templates.js';
import type { EventExample, EventSchema, UtteranceCondition, UtteranceVariant } from './types.js';

type ConditionValue =
  string | number | boolean | (string | number | boolean)[] | { present: boolean };

/** An event definition as definition.schema.json describes it. */
interface RawEvent {
  name: string;
  order?: number;
  description: string;
  reference: string;
  locales: string[];
  payload: Record<string, RawField>;
  utterances: Record<
    string,
    { name?: string; when?: Record<string, ConditionValue>; template: string }[]
  >;
  examples: { description: string; event: unknown; utterance?: string }[];
}

/**
 * Builds one event schema from a definition that already follows the format, and checks what
 * the format cannot: names, enum tokens, templates and their conditions against the payload.
 */
export function buildEvent(
  source: SourceFile,
  relativeFile: string,
): { event: EventSchema; problems: Problem[] } {
  const raw = source.value as RawEvent;
  const problems: Problem[] = [];
  const typeStem = typeStemOf(raw.name);
  const context = { source, stem: typeStem, problems };

  const expectedFile = basename(source.file).replace(definitionExtension, '');
  if (expectedFile !== raw.name) {
    problems.push(
      source.problem(
        '/name',
        `the file is named ${basename(source.file)} but defines ${raw.name} (a file named ${raw.name}.yaml)`,
      ),
    );
  }

  const payload = buildRoot(
    context,
    raw.payload,
    '/payload',
    `${typeStem}Payload`,
    `The payload of ${raw.name}.`,
  );

  const utterances: Record<string, UtteranceVariant[]> = {};
  for (const [locale, variants] of Object.entries(raw.utterances)) {
    if (!raw.locales.includes(locale)) {
      problems.push(
        source.problem(
          `/utterances/${locale}`,
          `templates for ${locale}, which the schema does not support (one of its locales: ${raw.locales.join(', ')})`,
          { key: true },
        ),
      );
    }
    utterances[locale] = variants.map((variant, index) => {
      const pointer = `/utterances/${locale}/${index}`;
      const when = Object.entries(variant.when ?? {}).map(([dotted, value]) =>
        buildCondition(
          source,
          `${pointer}/when/${escapeSegment(dotted)}`,
          dotted,
          value,
          payload,
          problems,
        ),
      );
      const template = variant.template.trim();
      const checked = checkTemplate(template, payload, source, `${pointer}/template`);
      append(problems, checked.problems);
      append(
        problems,
        checkSpokenWords(checked.references, payload, locale, source, `${pointer}/template`),
      );
      return {
        name: variant.name ?? `variant-${index + 1}`,
        when,
        template,
        parts: checked.parts,
        references: checked.references,
        position: { file: source.file, ...source.locate(pointer) },
      };
    });
    const names = utterances[locale].map((variant) => variant.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        problems.push(
          source.problem(
            `/utterances/${locale}/${index}/name`,
            `variant name "${name}" is used twice (a unique name per locale)`,
          ),
        );
    });
  }

  const examples: EventExample[] = raw.examples.map((example, index) => ({
    ...example,
    position: { file: source.file, ...source.locate(`/examples/${index}`) },
  }));

  return {
    event: {
      name: raw.name,
      typeStem,
      shortName: shortNameOf(raw.name),
      order: raw.order,
      description: raw.description.trim(),
      reference: raw.reference,
      locales: [...raw.locales].sort(),
      payload,
      utterances,
      examples,
      source: relativeFile,
    },
    problems,
  };
}

function buildCondition(
  source: SourceFile,
  pointer: string,
  dotted: string,
  value: ConditionValue,
  payload: EventSchema['payload'],
  problems: Problem[],
): UtteranceCondition {
  const path = dotted.split('.');
  const field = fieldAt(payload, path);
  if (!field) {
    problems.push(
      source.problem(
        pointer,
        `the condition names ${JSON.stringify(dotted)}, which the payload does not have (a dotted payload path)`,
        { key: true },
      ),
    );
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (field?.required && value.present === false) {
      problems.push(
        source.problem(
          pointer,
          `${dotted} is required, so it is never absent (a condition on an optional field)`,
        ),
      );
    }
    return { path, test: 'present', present: value.present };
  }
  const values = Array.isArray(value) ? value : [value];
  if (field?.kind === 'enum') {
    const allowed = field.values.map((entry) => entry.value);
    for (const candidate of values) {
      if (!allowed.includes(String(candidate))) {
        problems.push(
          source.problem(
            pointer,
            `${JSON.stringify(candidate)} is not a value of ${dotted} (one of ${allowed.join(', ')})`,
          ),
        );
      }
    }
  } else if (field && !['string', 'integer', 'boolean'].includes(field.kind)) {
    problems.push(
      source.problem(
        pointer,
        `${dotted} is a ${field.kind} field and cannot be compared to a value (use {present: true|false})`,
      ),
    );
  }
  return { path, test: 'in', values };
}
