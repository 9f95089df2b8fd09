import { compile } from 'json-schema-to-typescript';
import { Project, SyntaxKind, type PropertySignature } from 'ts-morph';
import { walkFields } from '../model/build-fields.js';
import type { Model } from '../model/types.js';
import { commentText } from '../codegen/literal.js';
import { allSources, type EmitContext, type EmittedFile } from './emitter.js';
import { unionDocument, unionSchemaName } from './json-schema.js';

export const typesModule = 'types/index.ts';

/**
 * generated/types/index.ts: json-schema-to-typescript turns the union schema into interfaces and
 * literal unions; ts-morph then documents every property from the definitions (the compiler
 * documents only the named type of a property) and adds the helper types over the union.
 */
export async function emitTypes(context: EmitContext): Promise<EmittedFile[]> {
  const { model } = context;
  const compiled = await compile(
    unionDocument(model, { typeHints: true }) as never,
    unionSchemaName,
    {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: false,
      unknownAny: true,
      strictIndexSignatures: true,
      // Plain arrays, not unions of tuples: bounds are checked by the validators, and a
      // `GarbageType[]` built by a program must stay assignable.
      maxItems: 0,
    },
  );

  // Documentation is spliced into the text in one pass: editing the AST property by property
  // re-parses the whole file each time, which made 100 schemas take most of a minute.
  const project = new Project({ useInMemoryFileSystem: true });
  const parsed = project.createSourceFile(typesModule, compiled);
  const docs = propertyDocs(model);
  const insertions: { position: number; text: string }[] = [];
  const document = (property: PropertySignature, description: string | undefined) => {
    if (description === undefined || property.getJsDocs().length > 0) return;
    insertions.push({
      position: property.getStart(),
      text: `/** ${commentText(description)} */\n`,
    });
  };
  for (const declaration of parsed.getInterfaces()) {
    const byProperty = docs.get(declaration.getName());
    for (const property of declaration.getProperties()) {
      document(property, byProperty?.get(property.getName()));
      // The inline `event: { name, payload }` of each event interface.
      const literal = property.getTypeNode()?.asKind(SyntaxKind.TypeLiteral);
      const inner = docs.get(`${declaration.getName()}.${property.getName()}`);
      for (const member of literal?.getProperties() ?? [])
        document(member, inner?.get(member.getName()));
    }
  }
  let documented = compiled;
  for (const { position, text } of insertions.sort((x, y) => y.position - x.position)) {
    documented = documented.slice(0, position) + text + documented.slice(position);
  }
  const file = project.createSourceFile(typesModule, documented, { overwrite: true });

  file.addTypeAliases([
    {
      isExported: true,
      name: 'EventName',
      type: `${unionSchemaName}['event']['name']`,
      docs: ['The name of every event schema Amazon accepts.'],
    },
    {
      isExported: true,
      name: 'EventOf',
      typeParameters: [{ name: 'N', constraint: 'EventName' }],
      type: `Extract<${unionSchemaName}, { event: { name: N } }>`,
      docs: ['The complete event (envelope included) of the schema named N.'],
    },
    {
      isExported: true,
      name: 'PayloadOf',
      typeParameters: [{ name: 'N', constraint: 'EventName' }],
      type: `EventOf<N>['event']['payload']`,
      docs: ['The payload of the schema named N.'],
    },
  ]);

  const banner = context.banner(
    'TypeScript types of every proactive event schema.',
    allSources(model),
  );
  return [{ path: typesModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'types' }];
}

/** Descriptions of every property, by the name of the interface that declares it. */
function propertyDocs(model: Model): Map<string, Map<string, string>> {
  const docs = new Map<string, Map<string, string>>();
  const envelope = model.envelope;
  for (const event of model.events) {
    for (const field of walkFields(event.payload)) {
      if (field.kind === 'object') {
        docs.set(
          field.typeName,
          new Map(field.properties.map((property) => [property.key, property.description])),
        );
      }
    }
    const eventType = `${event.typeStem}Event`;
    docs.set(
      eventType,
      new Map([
        ...envelope.fields.map((field) => [field.key, field.description] as const),
        ['event', envelope.event.description],
        ['localizedAttributes', envelope.localizedAttributes.description],
        ['relevantAudience', envelope.relevantAudience.description],
      ]),
    );
    docs.set(
      `${eventType}.event`,
      new Map([
        ['name', envelope.event.name],
        ['payload', `${envelope.event.payload} (${event.name})`],
      ]),
    );
  }
  docs.set(
    'UnicastAudience',
    new Map([
      ['type', 'Unicast: one user.'],
      ['payload', 'The user who receives the event.'],
    ]),
  );
  docs.set(
    'MulticastAudience',
    new Map([
      ['type', 'Multicast: every subscribed user.'],
      ['payload', 'Always empty for Multicast.'],
    ]),
  );
  return docs;
}
