/** How messages show values: short, JSON-like, and never throwing. */

/** `"TORNADO"`, `42`, `null`, `an object`, `an array of 3 items`… */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return `the ${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  try {
    if (Array.isArray(value))
      return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  } catch {
    // A revoked Proxy: not worth more words.
  }
  return 'an object';
}

/** The value itself when it is a JSON primitive, for `Issue.received`. */
export function receivedValue(value: unknown): unknown {
  return value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
    ? value
    : undefined;
}

/** `A, B or C`. */
export function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `3 minutes`, `1 hour`, `2 hours 5 minutes`, `30 seconds`. */
export function describeDuration(milliseconds: number): string {
  const absolute = Math.abs(milliseconds);
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (absolute < 60_000) return plural(Math.round(absolute / 1000), 'second');
  const minutes = Math.floor(absolute / 60_000);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return plural(Math.floor(hours / 24), 'day');
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
