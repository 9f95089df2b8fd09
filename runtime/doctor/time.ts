/** Durations and instants as the doctor's sentences say them. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `45 seconds`, `3 minutes`, `2 hours 5 minutes`, `4 days`: rounded down, at most two units. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return plural(Math.floor(abs / 1000), 'second');
  if (abs < HOUR) return plural(Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0
      ? plural(hours, 'hour')
      : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
  }
  return plural(Math.floor(abs / DAY), 'day');
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export { MINUTE, HOUR, DAY };
