/**
 * Finds where a JSON text goes wrong, as line:column. Node 20's `JSON.parse` messages give a character
 * offset only for some errors (and none for "Unexpected token ']'"), while a person fixing a file by
 * hand needs a line and a column. This scanner only runs after `JSON.parse` has already failed.
 */

export interface JsonErrorPosition {
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** Returns the first syntax error of `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorPosition | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const describe = (): string =>
    i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`;
  const expect = (char: string, what: string): void => {
    if (text[i] !== char)
      throw new Stop(i, `expected ${what}, found ${describe().replace('unexpected ', '')}`);
    i++;
  };
  const string = (): void => {
    expect('"', 'a string');
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Stop(i, 'control character in string (escape it)');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Stop(i, 'bad \\u escape');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw new Stop(i, 'bad escape in string');
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          throw new Stop(
            i,
            `expected a property name, found ${describe().replace('unexpected ', '')}`,
          );
        string();
        ws();
        expect(':', "':' after the property name");
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}', "',' or '}'");
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') throw new Stop(i, "trailing ',' before ']'");
          continue;
        }
        expect(']', "',' or ']'");
        return;
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const literal of LITERALS) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    throw new Stop(
      i,
      i >= text.length ? 'unexpected end of input' : `expected a value, found ${JSON.stringify(c)}`,
    );
  };
  try {
    value();
    ws();
    if (i < text.length)
      throw new Stop(i, `unexpected ${JSON.stringify(text[i])} after the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { offset: error.offset, ...lineColumn(text, error.offset), message: error.message };
  }
}

/** 1-based line and column of a 0-based offset (CRLF counts as one line break). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Parses a JSON file's text (a leading byte order mark allowed, as files may carry one); a syntax
 * error becomes `file:line:column: malformed JSON: reason`, plus what was expected when given.
 */
export function parseJson(file: string, text: string, expected?: string): ParsedJson {
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    const where = locateJsonError(json);
    const reason = where ? where.message : error instanceof Error ? error.message : String(error);
    const position = where ? `:${where.line}:${where.column}` : '';
    const suffix = expected ? ` (${expected})` : '';
    return { ok: false, problem: `${file}${position}: malformed JSON: ${reason}${suffix}` };
  }
}
