/**
 * Where JSON text first goes wrong, as line and column: JSON.parse's messages carry a position
 * only on some Node versions, so the CLI finds it itself with this small scanner (run only after
 * JSON.parse has failed).
 */

export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Failure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let index = 0;
  const fail = (message: string): never => {
    throw new Failure(index, message);
  };
  const describe = () =>
    index >= text.length ? 'the end of the input' : JSON.stringify(text[index]);
  const space = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const expect = (char: string, what: string) => {
    space();
    if (text[index] !== char) fail(`expected ${what} but found ${describe()}`);
    index++;
  };
  const string = () => {
    index++; // the opening quote
    while (index < text.length) {
      const char = text[index]!;
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        index++;
        const escape = text[index];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 1, index + 5)))
            fail('invalid \\u escape');
          index += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) index++;
        else fail(`invalid escape ${describe()}`);
      } else if (char < ' ') {
        fail('a control character inside a string (escape it)');
      } else index++;
    }
    fail('the string is not closed');
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '{') {
      index++;
      space();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        space();
        if (text[index] !== '"')
          fail(`expected a property name in double quotes but found ${describe()}`);
        string();
        expect(':', '":"');
        value();
        space();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return;
        }
        fail(`expected "," or "}" but found ${describe()}`);
      }
    }
    if (char === '[') {
      index++;
      space();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return;
        }
        fail(`expected "," or "]" but found ${describe()}`);
      }
    }
    if (char === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(
      text.slice(index, index + 400),
    );
    if (literal) {
      index += literal[0].length;
      return;
    }
    fail(`expected a value but found ${describe()}`);
  };
  try {
    value();
    space();
    if (index < text.length) fail(`unexpected ${describe()} after the value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, message: error.message };
  }
}
