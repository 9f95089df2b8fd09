import { Project, VariableDeclarationKind, Writers, type WriterFunction } from 'ts-morph';
import { commentText, literal } from '../codegen/literal.js';
import { walkFields } from '../model/build-fields.js';
import type { EventSchema, Field, Model } from '../model/types.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';
import { typesModule } from './types.js';

export const buildersModule = 'builders.ts';

/**
 * generated/builders.ts: `create<Schema>Event(…)` per schema and `createProactiveEvent({ name, … })`.
 * Each takes the payload with localizable fields as one string or one per locale, fills in the
 * envelope, and validates the result.
 */
export function emitBuilders(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(buildersModule, '');
  const usedTypes = new Set<string>(['EventName', 'EventOf']);

  for (const event of model.events) {
    usedTypes.add(`${event.typeStem}Event`);
    file.addInterface({
      isExported: true,
      name: inputName(event),
      docs: [
        `The payload of ${event.name} as the builders take it: localizable fields accept one string or one per locale.`,
      ],
      properties: event.payload.properties.map((field) => inputProperty(field, usedTypes)),
    });
  }
  file.addInterface({
    isExported: true,
    name: 'PayloadInputs',
    docs: ['The builders’ payload input of every schema, by name.'],
    properties: model.events.map((event) => ({
      name: literal(event.name),
      type: inputName(event),
    })),
  });
  file.addTypeAlias({
    isExported: true,
    name: 'PayloadInputOf',
    typeParameters: [{ name: 'N', constraint: 'EventName' }],
    type: 'PayloadInputs[N]',
    docs: ['The builders’ payload input of the schema named N.'],
  });
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: ['The envelope rules of definitions/envelope.yaml that builders follow.'],
    declarations: [
      { name: 'rules', type: 'BuilderRules', initializer: literal(builderRules(model)) },
    ],
  });
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: ['The paths of every localizable field, per schema.'],
    declarations: [
      {
        name: 'localizable',
        type: '{ readonly [N in EventName]: readonly (readonly string[])[] }',
        initializer: literal(
          Object.fromEntries(model.events.map((event) => [event.name, localizablePaths(event)])),
        ),
      },
    ],
  });
  file.addFunction({
    name: 'build',
    typeParameters: [{ name: 'N', constraint: 'EventName' }],
    parameters: [
      { name: 'name', type: 'N' },
      { name: 'input', type: 'EventInput<PayloadInputOf<N>>' },
    ],
    returnType: 'EventOf<N>',
    docs: [
      'Builds and validates an event; throws ProactiveEventValidationError rather than return an invalid one.',
    ],
    statements: [
      'const event = buildEvent({ name, localizable: localizable[name], rules }, input);',
      'assertProactiveEvent(event, input.now === undefined ? {} : { now: input.now });',
      'return event as EventOf<N>;',
    ],
  });
  file.addFunction({
    isExported: true,
    name: 'createProactiveEvent',
    typeParameters: [{ name: 'N', constraint: 'EventName' }],
    parameters: [{ name: 'input', type: 'EventInput<PayloadInputOf<N>> & { readonly name: N }' }],
    returnType: 'EventOf<N>',
    docs: [
      'Builds a complete, valid event of the schema named `input.name`: timestamp now, expiry in one hour (kept within Amazon’s window), a fresh alphanumeric referenceId, and localizedAttributes written from the localizable fields given per locale.',
    ],
    statements: ['return build(input.name, input);'],
  });
  for (const event of model.events) {
    file.addFunction({
      isExported: true,
      name: `create${event.typeStem}Event`,
      parameters: [{ name: 'input', type: `EventInput<${inputName(event)}>` }],
      returnType: `${event.typeStem}Event`,
      docs: [`Builds a valid ${event.name} event: ${commentText(event.description)}`],
      statements: [`return build(${literal(event.name)}, input);`],
    });
  }

  file.insertImportDeclarations(0, [
    {
      isTypeOnly: true,
      namedImports: [...usedTypes].sort(),
      moduleSpecifier: emittedImport(typesModule),
    },
    {
      namedImports: [
        'buildEvent',
        'type BuilderRules',
        'type EventInput',
        'type LocalizableString',
      ],
      moduleSpecifier: context.runtimeModule,
    },
    { namedImports: ['assertProactiveEvent'], moduleSpecifier: './validate.js' },
  ]);
  const banner = context.banner('Builders of complete, valid proactive events.', allSources(model));
  return [
    { path: buildersModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'values' },
  ];
}

function inputName(event: EventSchema): string {
  return `${event.typeStem}PayloadInput`;
}

/** A field as builders take it: the emitted type, unless a localizable field lies below it. */
function inputProperty(field: Field, usedTypes: Set<string>) {
  return {
    name: field.key,
    hasQuestionToken: !field.required,
    docs: [commentText(field.description)],
    type: inputType(field, usedTypes),
  };
}

function inputType(field: Field, usedTypes: Set<string>): string | WriterFunction {
  const hasLocalizable = [...walkFields(field)].some((candidate) => candidate.localizable);
  switch (field.kind) {
    case 'string':
      return field.localizable ? 'LocalizableString' : 'string';
    case 'date-time':
      return 'string';
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      usedTypes.add(field.typeName);
      return field.typeName;
    case 'array': {
      const items = inputType(field.items, usedTypes);
      return typeof items === 'string'
        ? `${items}[]`
        : (writer) => (writer.write('Array<'), items(writer), writer.write('>'));
    }
    case 'object':
      if (!hasLocalizable) {
        usedTypes.add(field.typeName);
        return field.typeName;
      }
      return Writers.objectType({
        properties: field.properties.map((property) => inputProperty(property, usedTypes)),
      });
  }
}

function localizablePaths(event: EventSchema): string[][] {
  return [...walkFields(event.payload)]
    .filter((field) => field.localizable)
    .map((field) => [...field.path]);
}

function builderRules(model: Model) {
  const { minMinutes, maxMinutes, defaultMinutes } = model.envelope.expiryWindow;
  return {
    referencePrefix: model.envelope.localizedAttributes.referencePrefix,
    expiryWindow: { minMinutes, maxMinutes, defaultMinutes },
  };
}
