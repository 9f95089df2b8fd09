import { describe, expect, it } from 'vitest';
import { schemas } from '../../../generated/catalog.js';
import { localizablePaths } from '../../../runtime/builders/index.js';
import type { SchemaFieldInfo } from '../../../runtime/catalog.js';

const field = (path: string, localizable: boolean): SchemaFieldInfo => ({
  path,
  type: 'string',
  required: true,
  localizable,
  description: '',
});

describe('localizablePaths', () => {
  it('turns the catalog’s paths of localizable fields into buildEvent’s segments', () => {
    const schema = {
      fields: [
        field('a', false),
        field('a.b', true),
        field('list[]', true),
        field('rows[].name', true),
        field('grid[][]', true),
      ],
    };
    expect(localizablePaths(schema)).toEqual([
      ['a', 'b'],
      ['list', '*'],
      ['rows', '*', 'name'],
      ['grid', '*', '*'],
    ]);
    expect(localizablePaths(schema)).toBe(localizablePaths(schema)); // once per schema object
  });

  it('finds the localizable fields of a generated schema', () => {
    const occasion = schemas.find((schema) => schema.name === 'AMAZON.Occasion.Updated')!;
    expect(localizablePaths(occasion)).toEqual([
      ['occasion', 'subject'],
      ['occasion', 'provider', 'name'],
      ['occasion', 'broker', 'name'],
    ]);
  });
});
