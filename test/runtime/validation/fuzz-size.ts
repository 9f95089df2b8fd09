/**
 * The size of a fuzz input as JSON text, estimated without JSON.stringify (which throws on the
 * hostile values and never ends on a graph of shared references). Every object is counted once:
 * a shared reference or a cycle costs a few bytes where it recurs, so a graph of 2^40 paths
 * through 41 objects counts as the 41 objects it is in memory. That makes the estimate a lower
 * bound of the serialized size, and the "≤ 1 MB" bucket of the fuzz the stricter one.
 * Never throws; the work is linear in the distinct objects and their keys.
 */
export function estimateJsonBytes(value: unknown): number {
  const visited = new Set<object>();
  const pending: unknown[] = [value];
  let bytes = 0;
  while (pending.length > 0) {
    const item = pending.pop();
    bytes += primitiveBytes(item);
    if (typeof item !== 'object' || item === null) continue;
    if (visited.has(item)) {
      bytes += 4; // a reference to an object counted already
      continue;
    }
    visited.add(item);
    bytes += 2; // the brackets
    try {
      const keys = Object.keys(item);
      const isArray = Array.isArray(item);
      for (const key of keys) {
        bytes += isArray ? 1 : key.length + 4; // quotes, colon, comma
        pending.push((item as Record<string, unknown>)[key]);
      }
    } catch {
      // A Proxy or getter that throws: no JSON, nothing more to count.
    }
  }
  return bytes;
}

function primitiveBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : 0;
    default:
      return 4; // undefined, a symbol, a function: no JSON, a placeholder
  }
}

/** `812 B`, `3.4 kB`, `6.1 MB`. */
export function describeBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
