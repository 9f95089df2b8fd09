/**
 * Benchmark corpora as a skill holds its events: objects built by literals or by JSON.parse.
 *
 * fast-check's `record` gives about half of the objects it makes a null prototype
 * (`Object.create(null)`), and V8 keeps those in dictionary mode: every property read is a hash
 * lookup and every for-in walk lists and sorts the keys anew. No JSON parser and no object
 * literal makes such objects, so timing them would measure something no skill runs. The
 * property tests keep them (they test verdicts, not speed).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A deep copy of JSON data made the way an object literal makes it: ordinary objects, keys in
 * the same order, strings and numbers untouched (a string built by concatenation stays as V8
 * built it, as it would in a skill's code).
 */
export function asPlainData<T>(value: T): T {
  return copy(value as Json) as T;
}

function copy(value: Json): Json {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const result: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const item = copy(value[key]!);
    // An assignment to "__proto__" would set the prototype instead of adding the key.
    if (key === '__proto__') {
      Object.defineProperty(result, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else result[key] = item;
  }
  return result;
}
