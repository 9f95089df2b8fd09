/** How type names are derived from schema names and field paths. */

/** AMAZON.WeatherAlert.Activated → WeatherAlertActivated. */
export function typeStemOf(eventName: string): string {
  return eventName.split('.').slice(1).join('');
}

/** AMAZON.WeatherAlert.Activated → WeatherAlert. */
export function shortNameOf(eventName: string): string {
  return eventName.split('.')[1] ?? eventName;
}

export function pascalCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The default type name of an object or enum field: the stem followed by its path. */
export function defaultTypeName(stem: string, path: readonly string[]): string {
  return (
    stem +
    path
      .filter((segment) => segment !== '*')
      // A key such as `a-b` gives `AB`: type names are identifiers whatever the keys are.
      .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
      .map(pascalCase)
      .join('')
  );
}

/** Names the types emitter declares itself; a definition's typeName must not take them. */
export const reservedTypeNames = [
  'ProactiveEvent',
  'EventEnvelope',
  'EventName',
  'PayloadOf',
  'EventOf',
  'RelevantAudience',
  'UnicastAudience',
  'MulticastAudience',
  'LocalizedAttributeSet',
] as const;
