/**
 * Prints plain data (objects, arrays, strings, numbers, booleans) as a JavaScript literal in the
 * layout a person would write: small records of scalars on one line (`{ name: 'x' }`), a
 * one-element array around them too, everything else one member per line. Used for the Jovo
 * snippet and for the members the project.js patcher inserts, in that file's style.
 */

export interface JsStyle {
  /** One level of indentation, e.g. '  ' or '\t'. */
  readonly indent: string;
  readonly quote: "'" | '"';
  /** A comma after the last member of a multi-line object or array. */
  readonly trailingComma: boolean;
  readonly eol: string;
}

export const defaultJsStyle: JsStyle = { indent: '  ', quote: "'", trailingComma: true, eol: '\n' };

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `value` as JavaScript source; continuation lines start with `baseIndent`. */
export function jsLiteral(
  value: unknown,
  style: JsStyle = defaultJsStyle,
  baseIndent = '',
): string {
  if (typeof value === 'string') return jsString(value, style.quote);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    if (items.length === 0) return '[]';
    if (items.length === 1 && isFlat(items[0])) return `[${jsLiteral(items[0], style)}]`;
    return block(
      '[',
      ']',
      items.map((item) => (inner: string) => jsLiteral(item, style, inner)),
      style,
      baseIndent,
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    if (isFlat(value)) {
      return `{ ${entries.map(([key, member]) => `${jsKey(key, style.quote)}: ${jsLiteral(member, style)}`).join(', ')} }`;
    }
    return block(
      '{',
      '}',
      entries.map(
        ([key, member]) =>
          (inner: string) =>
            `${jsKey(key, style.quote)}: ${jsLiteral(member, style, inner)}`,
      ),
      style,
      baseIndent,
    );
  }
  throw new TypeError(`cannot print ${typeof value} as a JavaScript literal`);
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function jsKey(key: string, quote: JsStyle['quote']): string {
  return identifierPattern.test(key) ? key : jsString(key, quote);
}

export function jsString(text: string, quote: JsStyle['quote']): string {
  const escaped = text.replace(/[\\\n\r\u2028\u2029]/g, (character) => {
    const escapes: Record<string, string> = {
      '\\': '\\\\',
      '\n': '\\n',
      '\r': '\\r',
      '\u2028': '\\u2028',
      '\u2029': '\\u2029',
    };
    return escapes[character]!;
  });
  return quote + escaped.split(quote).join(`\\${quote}`) + quote;
}

/** An object with at most two members, all scalars: short enough for one line. */
function isFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const members = Object.values(value);
  return (
    members.length <= 2 && members.every((member) => member === null || typeof member !== 'object')
  );
}

function block(
  open: string,
  close: string,
  members: readonly ((inner: string) => string)[],
  style: JsStyle,
  baseIndent: string,
): string {
  const inner = baseIndent + style.indent;
  const lines = members.map(
    (member, index) =>
      `${inner}${member(inner)}${index < members.length - 1 || style.trailingComma ? ',' : ''}`,
  );
  return `${open}${style.eol}${lines.join(style.eol)}${style.eol}${baseIndent}${close}`;
}
