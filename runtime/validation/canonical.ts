/**
 * Canonical keys for JSON equality: two values get the same key exactly when they are equal as
 * JSON (objects compared by their own enumerable keys, in any order). Every object is visited
 * once — its key is remembered by identity and its shape interned to a short id — so a graph
 * whose references are shared, however deeply, costs time linear in its number of objects, not
 * in the size of its expansion. A cycle, or nesting deeper than `maxDepth`, gets a key of its
 * own: such a value is no JSON, and is never equal to another.
 */

const maxDepth = 64;

class Canonicalizer {
  /** Objects already keyed, by identity (undefined while being keyed: a cycle). */
  private readonly byIdentity = new Map<unknown, string | undefined>();
  /** Object shapes (kind, keys and child keys) to their short ids. */
  private readonly shapes = new Map<string, string>();
  private fresh = 0;

  keyOf(value: unknown, depth: number): string {
    switch (typeof value) {
      case 'string':
        return `s${value}`;
      case 'number':
        // 0 and -0 are the same JSON number; String() says "0" for both.
        return `n${String(value)}`;
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'bigint':
        return `g${String(value)}`;
      case 'symbol':
      case 'function':
        return this.identityKey(value);
    }
    if (value === null) return 'z';
    return this.objectKey(value as object, depth);
  }

  private identityKey(value: unknown): string {
    let key = this.byIdentity.get(value);
    if (key === undefined) {
      key = `#${this.fresh++}`;
      this.byIdentity.set(value, key);
    }
    return key;
  }

  private objectKey(value: object, depth: number): string {
    if (this.byIdentity.has(value)) {
      // undefined: the object is being keyed further up, so this is a cycle.
      return this.byIdentity.get(value) ?? `#${this.fresh++}`;
    }
    if (depth > maxDepth) return `#${this.fresh++}`;
    this.byIdentity.set(value, undefined);
    let shape: string;
    if (Array.isArray(value)) {
      const length = (value as unknown[]).length;
      const parts: string[] = [];
      for (let index = 0; index < length; index++) {
        parts.push(this.keyOf((value as unknown[])[index], depth + 1));
      }
      shape = `[${parts.map(quote).join(',')}]`;
    } else {
      const keys = Object.keys(value).sort();
      const parts: string[] = [];
      for (const key of keys) {
        const child = this.keyOf((value as Record<string, unknown>)[key], depth + 1);
        parts.push(`${quote(key)}:${quote(child)}`);
      }
      shape = `{${parts.join(',')}}`;
    }
    let id = this.shapes.get(shape);
    if (id === undefined) {
      id = `@${this.shapes.size}`;
      this.shapes.set(shape, id);
    }
    this.byIdentity.set(value, id);
    return id;
  }
}

/** Child keys are quoted by length, so no key can be mistaken for the boundary of another. */
function quote(key: string): string {
  return `${key.length}:${key}`;
}

/** The canonical key of each of the first `count` items. Throws what a hostile value throws. */
export function canonicalKeys(items: readonly unknown[], count: number): string[] {
  const canonicalizer = new Canonicalizer();
  const keys: string[] = [];
  for (let index = 0; index < count; index++) keys.push(canonicalizer.keyOf(items[index], 0));
  return keys;
}
