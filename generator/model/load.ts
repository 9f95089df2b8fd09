import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkFormat, describeAjvError } from '../definitions/format.js';
import { DefinitionError, type Problem } from '../definitions/problems.js';
import { readSource, type SourceFile } from '../definitions/source.js';
import { eventDocument } from '../emitters/json-schema.js';
import { walkFields } from './build-fields.js';
import { buildEnvelope } from './build-envelope.js';
import { buildEvent } from './build-event.js';
import { reservedTypeNames } from './names.js';
import type { Envelope, EventSchema, Model } from './types.js';

const definitionExtensions = /\.(ya?ml|json)$/;

/**
 * Reads a definitions directory (envelope.yaml and events/*.yaml) into the frozen model, or
 * throws a DefinitionError listing every problem found in every file.
 */
export async function loadModel(definitionsDir: string): Promise<Model> {
  const problems: Problem[] = [];
  const display = (file: string) => relative(process.cwd(), file).split(sep).join('/') || file;
  const relativeToParent = (file: string) =>
    [basename(definitionsDir), ...relative(definitionsDir, file).split(sep)].join('/');

  const envelopeFiles = (await listDefinitions(definitionsDir)).filter((file) =>
    /^envelope\./.test(file),
  );
  const eventFiles = (await listDefinitions(join(definitionsDir, 'events'))).sort();
  if (envelopeFiles.length !== 1) {
    const where = display(join(definitionsDir, 'envelope.yaml'));
    throw new DefinitionError([
      {
        file: where,
        line: 1,
        column: 1,
        pointer: '',
        message:
          envelopeFiles.length === 0
            ? 'the envelope definition is missing (definitions/envelope.yaml)'
            : `${envelopeFiles.length} envelope definitions (exactly one envelope.yaml)`,
      },
    ]);
  }
  if (eventFiles.length === 0) {
    const where = display(join(definitionsDir, 'events'));
    throw new DefinitionError([
      {
        file: where,
        line: 1,
        column: 1,
        pointer: '',
        message: 'no event definitions (one events/AMAZON.<Subject>.<State>.yaml per schema)',
      },
    ]);
  }

  const parse = async (file: string): Promise<SourceFile | undefined> => {
    const result = await readSource(display(file));
    if (!result.ok) problems.push(...result.problems);
    return result.ok ? result.source : undefined;
  };

  let envelope: Envelope | undefined;
  const envelopePath = join(definitionsDir, envelopeFiles[0]!);
  const envelopeSource = await parse(envelopePath);
  if (envelopeSource) {
    const formatProblems = checkFormat(envelopeSource, 'envelope');
    problems.push(...formatProblems);
    if (formatProblems.length === 0) {
      const built = buildEnvelope(envelopeSource, relativeToParent(envelopePath));
      problems.push(...built.problems);
      envelope = built.envelope;
    }
  }

  const events: { event: EventSchema; source: SourceFile }[] = [];
  for (const file of eventFiles) {
    const path = join(definitionsDir, 'events', file);
    const source = await parse(path);
    if (!source) continue;
    const formatProblems = checkFormat(source, 'event');
    problems.push(...formatProblems);
    if (formatProblems.length > 0) continue;
    const built = buildEvent(source, relativeToParent(path));
    problems.push(...built.problems);
    events.push({ event: built.event, source });
  }

  problems.push(...checkUniqueness(events));
  if (envelope)
    for (const { event, source } of events)
      problems.push(...checkExamples(event, envelope, source));
  if (problems.length > 0 || !envelope) throw new DefinitionError(problems);

  const sorted = events.map(({ event }) => event).sort(byCatalogOrder);
  return deepFreeze({ envelope, events: sorted });
}

async function listDefinitions(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && definitionExtensions.test(entry.name))
    .map((entry) => entry.name);
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

/** Every example must be an event this definition accepts, under its own name. */
function checkExamples(event: EventSchema, envelope: Envelope, source: SourceFile): Problem[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats.default(ajv);
  const validate = ajv.compile(eventDocument(event, envelope));
  const problems: Problem[] = [];
  event.examples.forEach((example, index) => {
    const pointer = `/examples/${index}/event`;
    const name = (example.event as { event?: { name?: unknown } } | null)?.event?.name;
    if (name !== event.name) {
      problems.push(
        source.problem(
          `${pointer}/event/name`,
          `the example is a ${JSON.stringify(name)} event (an example of ${event.name})`,
        ),
      );
      return;
    }
    if (!validate(example.event)) {
      for (const error of validate.errors ?? []) {
        if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
        const described = describeAjvError(error);
        problems.push(
          source.problem(
            `${pointer}${described.pointer}`,
            `the example does not satisfy the definition: ${described.message}`,
            { key: described.key },
          ),
        );
      }
    }
  });
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
