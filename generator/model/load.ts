import { basename, join, relative, sep } from 'node:path';
import { checkFormat } from '../definitions/format.js';
import { findDefinitionFiles } from '../definitions/files.js';
import { append, DefinitionError, type Problem } from '../definitions/problems.js';
import { fileProblem, readSource, type SourceFile } from '../definitions/source.js';
import { walkFields } from './build-fields.js';
import { buildEnvelope } from './build-envelope.js';
import { buildEvent } from './build-event.js';
import { createEventValidator } from '../../runtime/validation/event-validator.js';
import { reservedTypeNames } from './names.js';
import { envelopeRulesOf, schemaInfoOf } from './tables.js';
import type { Envelope, EventSchema, Model } from './types.js';

/**
 * Reads a definitions directory (envelope.yaml and events/*.yaml) into the frozen model, or
 * throws a DefinitionError listing every problem found in every file. Every file below the
 * folder is loaded or reported (see findDefinitionFiles).
 */
export async function loadModel(definitionsDir: string): Promise<Model> {
  const problems: Problem[] = [];
  const display = (file: string) => relative(process.cwd(), file).split(sep).join('/') || file;
  const relativeToParent = (file: string) =>
    [basename(definitionsDir), ...relative(definitionsDir, file).split(sep)].join('/');

  const found = await findDefinitionFiles(definitionsDir, display);
  append(problems, found.problems);
  const envelopeFiles = found.envelopes;
  const eventFiles = found.events;
  if (envelopeFiles.length !== 1) {
    const where = display(join(definitionsDir, 'envelope.yaml'));
    problems.push(
      fileProblem(
        where,
        envelopeFiles.length === 0
          ? 'the envelope definition is missing (definitions/envelope.yaml)'
          : `${envelopeFiles.length} envelope definitions (exactly one envelope.yaml)`,
      ),
    );
  }
  if (eventFiles.length === 0 && found.problems.length === 0) {
    problems.push(
      fileProblem(
        display(join(definitionsDir, 'events')),
        'no event definitions (one events/AMAZON.<Subject>.<State>.yaml per schema)',
      ),
    );
  }
  if (envelopeFiles.length !== 1) throw new DefinitionError(problems);

  const parse = async (file: string): Promise<SourceFile | undefined> => {
    const result = await readSource(display(file), file);
    if (!result.ok) append(problems, result.problems);
    return result.ok ? result.source : undefined;
  };

  let envelope: Envelope | undefined;
  let envelopeSound = false;
  const envelopePath = envelopeFiles[0]!;
  const envelopeSource = await parse(envelopePath);
  if (envelopeSource) {
    const formatProblems = checkFormat(envelopeSource, 'envelope');
    append(problems, formatProblems);
    if (formatProblems.length === 0) {
      const built = buildEnvelope(envelopeSource, relativeToParent(envelopePath));
      append(problems, built.problems);
      envelope = built.envelope;
      envelopeSound = built.problems.length === 0;
    }
  }

  const events: { event: EventSchema; source: SourceFile }[] = [];
  for (const path of eventFiles) {
    const source = await parse(path);
    if (!source) continue;
    const formatProblems = checkFormat(source, 'event');
    append(problems, formatProblems);
    if (formatProblems.length > 0) continue;
    const built = buildEvent(source, relativeToParent(path));
    append(problems, built.problems);
    events.push({ event: built.event, source });
  }

  append(problems, checkUniqueness(events));
  // Examples are checked by the envelope's rules: only rules without problems of their own.
  if (envelope && envelopeSound) {
    for (const { event, source } of events)
      append(problems, checkExamples(event, envelope, source));
  }
  if (problems.length > 0 || !envelope) throw new DefinitionError(problems);

  const sorted = events.map(({ event }) => event).sort(byCatalogOrder);
  return deepFreeze({ envelope, events: sorted });
}

/** Amazon's catalog order first, then schemas without one by name. */
export function byCatalogOrder(a: EventSchema, b: EventSchema): number {
  const order = (event: EventSchema) => event.order ?? Number.MAX_SAFE_INTEGER;
  return order(a) - order(b) || a.name.localeCompare(b.name);
}

/** One file per event, and type names that cannot collide in the emitted module. */
function checkUniqueness(events: readonly { event: EventSchema; source: SourceFile }[]): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map<string, SourceFile>();
  const typeNames = new Map<string, string>(
    reservedTypeNames.map((name) => [name, 'the generator itself']),
  );
  for (const { event, source } of events) {
    const first = byName.get(event.name);
    if (first) {
      const { line, column } = first.locate('/name');
      problems.push(
        source.problem(
          '/name',
          `${event.name} is already defined in ${first.file}:${line}:${column} (one file per event)`,
        ),
      );
      continue;
    }
    byName.set(event.name, source);
    const declared = [
      `${event.typeStem}Event`,
      ...[...walkFields(event.payload)].flatMap((field) =>
        field.kind === 'object' || field.kind === 'enum' ? [field.typeName] : [],
      ),
    ];
    for (const [index, typeName] of declared.entries()) {
      const owner = typeNames.get(typeName);
      if (owner) {
        const field = [...walkFields(event.payload)].find(
          (candidate) => 'typeName' in candidate && candidate.typeName === typeName,
        );
        const pointer =
          field && field.path.length > 0
            ? `/payload/${field.path.join('/properties/').replace(/\/properties\/\*/g, '/items')}/typeName`
            : '/name';
        problems.push(
          source.problem(
            pointer,
            `type name ${typeName} is already used by ${owner} (a typeName unique across all schemas)`,
          ),
        );
      } else {
        typeNames.set(typeName, index === 0 ? event.name : `${event.name} ${source.file}`);
      }
    }
  }
  return problems;
}

/**
 * Every example must be an event this definition accepts, under its own name, by the rules of
 * the emitted validateProactiveEvent (from the model, clock-free). That the emitted JSON Schemas
 * accept them too is the tests' part (json-schema.test.ts, ninth-schema.test.ts): compiling them
 * with ajv here was half of a cold generate's load, to catch a generator bug, not a bad definition.
 */
function checkExamples(event: EventSchema, envelope: Envelope, source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  event.examples.forEach((example, index) => {
    const pointer = `/examples/${index}/event`;
    const body =
      isRecord(example.event) && hasOwn(example.event, 'event') ? example.event.event : undefined;
    const name = isRecord(body) && hasOwn(body, 'name') ? body.name : undefined;
    if (name !== event.name) {
      problems.push(
        source.problem(
          `${pointer}/event/name`,
          `the example is a ${JSON.stringify(name) ?? 'nameless'} event (an example of ${event.name})`,
        ),
      );
      return;
    }
    const result = validatorOf(event, envelope).validateProactiveEvent(example.event);
    for (const issue of result.errors) {
      problems.push(
        source.problem(
          `${pointer}${issue.path}`,
          `the example fails validateProactiveEvent: ${issue.message} (${issue.code})`,
          { key: issue.code === 'unknown-property' },
        ),
      );
    }
  });
  return problems;
}

/**
 * The runtime's validator over this schema's tables alone (no boolean path is emitted yet, so
 * every check takes the full path): the rules of the emitted validateProactiveEvent, clock-free.
 */
function validatorOf(event: EventSchema, envelope: Envelope) {
  return createEventValidator({
    envelope: envelopeRulesOf(envelope),
    schemas: [{ schema: schemaInfoOf(event) }],
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
