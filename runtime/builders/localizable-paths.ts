import type { SchemaFieldInfo } from '../catalog.js';

const cache = new WeakMap<object, readonly (readonly string[])[]>();

/**
 * The paths of a schema's localizable fields, as buildEvent takes them: `a.b[]` in the catalog
 * becomes `['a', 'b', '*']`. Computed once per schema object, from the one field list the
 * generated catalog holds.
 */
export function localizablePaths(schema: {
  readonly fields: readonly SchemaFieldInfo[];
}): readonly (readonly string[])[] {
  let paths = cache.get(schema);
  if (!paths) {
    paths = schema.fields.filter((field) => field.localizable).map((field) => segments(field.path));
    cache.set(schema, paths);
  }
  return paths;
}

/** `a[].b[][]` → `['a', '*', 'b', '*', '*']`: field names never hold dots or brackets. */
function segments(path: string): string[] {
  return path.split('.').flatMap((segment) => {
    const name = segment.replace(/(\[\])+$/, '');
    const depth = (segment.length - name.length) / 2;
    return [name, ...Array.from({ length: depth }, () => '*')];
  });
}
