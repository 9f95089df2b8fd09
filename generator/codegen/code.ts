import { commentText, identifier, literal, propertyKey } from './literal.js';

/**
 * A tiny code builder in the spirit of ajv's `_` and `Name`: emitted code is built from `code`
 * templates in which every interpolated plain value becomes a JSON literal, `Name`s are checked
 * identifiers and `Code` is inserted as is. So no definition text can reach the output unescaped.
 */
export class Code {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** A checked identifier. */
export class Name extends Code {
  constructor(name: string) {
    super(identifier(name));
  }
}

/** Code, a name, or a value to be written as a JSON literal. */
export type Interpolation = Code | string | number | boolean | null | readonly unknown[] | object;

/** `code\`if (${name} === ${'TORNADO'})\`` → `if (v === "TORNADO")`. */
export function code(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Code {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += toSource(value) + strings[index + 1]!;
  });
  return new Code(text);
}

function toSource(value: Interpolation): string {
  if (value instanceof Code) return value.text;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`cannot emit the number ${value}`);
  }
  if (value === undefined) throw new TypeError('cannot emit undefined');
  return literal(value);
}

/** Joins pieces of code; falsy entries (from `cond && code\`…\``) are dropped. */
export function join(
  parts: readonly (Code | false | undefined)[],
  separator: Code = new Code('\n'),
): Code {
  return new Code(
    parts
      .filter((part): part is Code => part instanceof Code)
      .map((part) => part.text)
      .join(separator.text),
  );
}

/** A `/** … *\/` comment line from definition text; empty when there is no text. */
export function docComment(text: string | undefined): Code {
  const body = text?.trim();
  return new Code(body ? `/** ${commentText(body.replace(/\s+/g, ' '))} */` : '');
}

/** A regular expression built from definition text at run time: `new RegExp("…", "u")`. */
export function regexp(pattern: string, flags = 'u'): Code {
  new RegExp(pattern, flags); // throws here, at generation, rather than in the emitted module
  return code`new RegExp(${pattern}, ${flags})`;
}

/** Hands out unique names: `v0`, `v1`… per prefix, never the same name twice. */
export class Scope {
  private readonly counts = new Map<string, number>();
  private readonly used = new Set<string>();

  /** Reserves a name as it is (for parameters and module constants); throws if it is taken. */
  reserve(name: string): Name {
    if (this.used.has(name)) throw new TypeError(`the name ${name} is already in use`);
    this.used.add(name);
    return new Name(name);
  }

  name(prefix: string): Name {
    let count = this.counts.get(prefix) ?? 0;
    while (this.used.has(`${prefix}${count}`)) count++;
    this.counts.set(prefix, count + 1);
    return this.reserve(`${prefix}${count}`);
  }
}

/** `object.key`, or `object["key"]` when the key is not an identifier. */
export function member(object: Code, key: string): Code {
  const name = propertyKey(key);
  return new Code(name === key ? `${object.text}.${key}` : `${object.text}[${name}]`);
}
