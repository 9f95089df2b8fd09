/**
 * Canonical keys for JSON equality: two values get the same key exactly when they are equal as
 * JSON (objects compared by their own enumerable keys, in any order). A primitive is its own key
 * (Map's SameValueZero equates 0 and -0, as JSON does). An object's key is a token found by
 * walking a trie of Maps along its children's keys (an object's edges alternate sorted key
 * names and values): no key strings are built, so the work is a few Map steps per child.
 * Every object is keyed once and remembered by identity, so a graph whose references are shared,
 * however deeply, costs time linear in its number of objects, not in the size of its
 * expansion. A cycle, or nesting deeper than `maxDepth`, gets a key of its own: such a value is
 * no JSON, and is never equal to another.
 */

const maxDepth = 64;

/**
 * A node of the trie: its children by the next edge, and the token of what ends here. Most nodes
 * have one child (distinct objects make chains), so the first is kept inline and a Map made only
 * for a second.
 */
interface TrieNode {
  edge?: unknown;
  child?: TrieNode;
  more?: Map<unknown, TrieNode>;
  token?: object;
}

const trieNode = (): TrieNode => ({});

/** Distinct from every primitive and from every other token. */
const freshToken = (): object => ({});

class Canonicalizer {
  /** Objects already keyed, by identity (undefined while being keyed: a cycle). */
  private readonly byIdentity = new Map<object, object | undefined>();
  private readonly arrays = trieNode();
  private readonly objects = trieNode();

  keyOf(value: unknown, depth: number): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = this.byIdentity.get(value);
    if (known !== undefined) return known;
    // Being keyed further up (a cycle), or too deep to be JSON anyone sends.
    if (this.byIdentity.has(value) || depth > maxDepth) return freshToken();
    this.byIdentity.set(value, undefined);
    let node: TrieNode;
    if (Array.isArray(value)) {
      node = this.arrays;
      const length = (value as unknown[]).length;
      for (let index = 0; index < length; index++) {
        node = step(node, this.keyOf((value as unknown[])[index], depth + 1));
      }
    } else {
      node = this.objects;
      for (const key of Object.keys(value).sort()) {
        node = step(node, key);
        node = step(node, this.keyOf((value as Record<string, unknown>)[key], depth + 1));
      }
    }
    node.token ??= freshToken();
    this.byIdentity.set(value, node.token);
    return node.token;
  }
}

function step(node: TrieNode, edge: unknown): TrieNode {
  if (node.child === undefined) {
    node.edge = edge;
    return (node.child = trieNode());
  }
  // SameValueZero, as a Map compares its keys.
  if (node.edge === edge || (node.edge !== node.edge && edge !== edge)) return node.child;
  node.more ??= new Map();
  let next = node.more.get(edge);
  if (next === undefined) {
    next = trieNode();
    node.more.set(edge, next);
  }
  return next;
}

/**
 * The canonical key of each of the first `count` items, to compare with `===` or as Map keys.
 * Throws what a hostile value throws.
 */
export function canonicalKeys(items: readonly unknown[], count: number): unknown[] {
  const canonicalizer = new Canonicalizer();
  const keys: unknown[] = [];
  for (let index = 0; index < count; index++) keys.push(canonicalizer.keyOf(items[index], 0));
  return keys;
}
