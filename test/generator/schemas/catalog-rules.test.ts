import { describe, expect, it } from 'vitest';
import { schemas } from '../../../generated/catalog.js';
import type { SchemaFieldInfo } from '../../../runtime/catalog.js';
import { loadSchema } from '../../support/json-schemas.js';

type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema of the payload field at a catalog path (`a.b[]`), found by walking the document. */
function fieldSchema(document: JsonSchema, path: string): JsonSchema {
  const event = (document.properties as Record<string, JsonSchema>).event!;
  let schema = (event.properties as Record<string, JsonSchema>).payload!;
  for (const segment of path.split('.')) {
    const name = segment.replace(/(\[\])+$/, '');
    schema = (schema.properties as Record<string, JsonSchema>)[name]!;
    for (let depth = (segment.length - name.length) / 2; depth > 0; depth--) {
      schema = schema.items as JsonSchema;
    }
  }
  return schema;
}

/** The rules of a catalog field written as the JSON Schema keywords that state them. */
function asKeywords(field: SchemaFieldInfo): JsonSchema {
  const keywords: JsonSchema = {};
  for (const key of [
    'minLength',
    'maxLength',
    'pattern',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'uniqueItems',
  ] as const) {
    if (field[key] !== undefined) keywords[key] = field[key];
  }
  if (field.values) keywords.enum = field.values;
  if (field.typeName) keywords.title = field.typeName;
  return keywords;
}

const ruleKeywords = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'enum',
  'title',
];

describe('the catalog’s field lists', () => {
  // Two emitters, one model: the field list the runtime reads must state exactly the rules the
  // JSON Schema states, field by field, and list every field the JSON Schema has.
  it.each(schemas.map((schema) => [schema.name, schema] as const))(
    '%s: each field carries the rules of its JSON Schema',
    (name, schema) => {
      const document = loadSchema(`${name}.schema.json`) as JsonSchema;
      for (const field of schema.fields as readonly SchemaFieldInfo[]) {
        const json = fieldSchema(document, field.path);
        expect(json, field.path).toBeDefined();
        const stated = Object.fromEntries(
          ruleKeywords
            .filter((keyword) => keyword in json)
            .map((keyword) => [keyword, json[keyword]]),
        );
        // A date-time's pattern is the format's own, not a rule of the field.
        if (field.type !== 'date-time' && 'pattern' in json) stated.pattern = json.pattern;
        expect(asKeywords(field), field.path).toEqual(stated);
        expect(field.description, field.path).toBe(json.description);
        expect(field.type === 'object', field.path).toBe(json.type === 'object');
      }
    },
  );

  it('lists every field of the payload, each once, parents before their fields', () => {
    for (const schema of schemas) {
      const paths = schema.fields.map((field) => field.path);
      expect(new Set(paths).size).toBe(paths.length);
      paths.forEach((path, index) => {
        const parent = path.replace(/(\[\])+$/, '').replace(/\.?[^.]*$/, '');
        if (parent !== '') expect(paths.slice(0, index), path).toContain(parent);
      });
    }
  });
});
