/**
 * The one place where values from definitions become TypeScript source text. Everything a
 * definition author wrote reaches emitted code through these functions, never by concatenation.
 */

/** A JSON literal safe inside a JavaScript source file (U+2028/U+2029 escaped). */
export function literal(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new TypeError(`cannot emit ${String(value)} as a literal`);
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const reservedWords = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);

/** A checked identifier: throws rather than emit something that is not one. */
export function identifier(name: string): string {
  if (!identifierPattern.test(name) || reservedWords.has(name)) {
    throw new TypeError(`${JSON.stringify(name)} is not a usable identifier`);
  }
  return name;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifierPattern.test(name) ? name : literal(name);
}

/** Text safe inside a /** … *\/ comment: no comment terminator, no line separators. */
export function commentText(text: string): string {
  // NUL too: code templates mark their holes with it (templates.ts).
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/[\u2028\u2029]/g, ' ')
    .replaceAll('\u0000', ' ');
}
