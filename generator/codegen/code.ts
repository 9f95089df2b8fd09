import { commentText, identifier, literal, propertyKey } from './literal.js';

/**
 * The one code builder of the generator, in the spirit of ajv's `_`/`Name` and ts-poet's `code`:
 * emitted code is built from `code` templates in which every interpolated plain value becomes a
 * JSON literal, `Name`s are checked identifiers, imported names remember their module, and `Code`
 * is inserted as is. So no definition text reaches the output unescaped, and a module's imports
 * are exactly the imported names its code uses (see module.ts).
 */

/** Where an imported name comes from: a package subpath, or another emitted module by its path. */
export type ModuleRef =
  | { readonly kind: 'package'; readonly specifier: string }
  | { readonly kind: 'emitted'; readonly path: string };

/** A name imported from another module; rendered as the bare name, imported by the module. */
export class ImportedName {
  /** The name the importing module uses: `name`, or `as` (`import { name as as }`). */
  readonly local: string;

  constructor(
    readonly name: string,
    readonly from: ModuleRef,
    /** Used in type positions only: `import type`. */
    readonly typeOnly: boolean,
    as?: string,
  ) {
    if (name !== '*') identifier(name);
    this.local = identifier(as ?? name);
  }
}

/** The specifier of a module, relative to the module it is written in (for `export … from`). */
export class SpecifierOf {
  constructor(readonly from: ModuleRef) {}
}

type Part = string | ImportedName | SpecifierOf;

export class Code {
  readonly parts: readonly Part[];

  constructor(parts: string | readonly Part[]) {
    this.parts = typeof parts === 'string' ? [parts] : parts;
  }

  /** The text, emitted modules' specifiers written from the output folder's root. */
  get text(): string {
    return this.render('index.ts');
  }

  /** The text as written in the module at `modulePath` (relative to the output folder). */
  render(modulePath: string): string {
    let text = '';
    for (const part of this.parts) {
      if (typeof part === 'string') text += part;
      else if (part instanceof ImportedName) text += part.local;
      else text += literal(specifierFrom(modulePath, part.from));
    }
    return text;
  }

  /** Every imported name the code uses, in order of use. */
  imports(): ImportedName[] {
    return this.parts.filter((part): part is ImportedName => part instanceof ImportedName);
  }

  toString(): string {
    return this.text;
  }
}

/** A checked identifier. */
export class Name extends Code {
  constructor(readonly name: string) {
    super(identifier(name));
  }
}

/** Code, a name, or a value to be written as a JSON literal. */
export type Interpolation =
  | Code
  | ImportedName
  | SpecifierOf
  | string
  | number
  | boolean
  | null
  | readonly unknown[]
  | object;

/** `code\`if (${name} === ${'TORNADO'})\`` → `if (v === "TORNADO")`. */
export function code(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Code {
  const parts: Part[] = [strings[0]!];
  values.forEach((value, index) => {
    if (value instanceof Code) parts.push(...value.parts);
    else if (value instanceof ImportedName || value instanceof SpecifierOf) parts.push(value);
    else parts.push(toLiteral(value));
    parts.push(strings[index + 1]!);
  });
  return new Code(merge(parts));
}

function toLiteral(value: Interpolation): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`cannot emit the number ${value}`);
  }
  if (value === undefined) throw new TypeError('cannot emit undefined');
  return literal(value);
}

/** Adjacent strings as one, so parts stay few. */
function merge(parts: readonly Part[]): Part[] {
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string')
      merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  return merged;
}

/** Joins pieces of code; falsy entries (from `cond && code\`…\``) are dropped. */
export function join(
  parts: readonly (Code | false | undefined)[],
  separator: Code | string = '\n',
): Code {
  const between = typeof separator === 'string' ? [separator] : separator.parts;
  const joined: Part[] = [];
  parts
    .filter((part): part is Code => part instanceof Code)
    .forEach((part, index) => {
      if (index > 0) joined.push(...between);
      joined.push(...part.parts);
    });
  return new Code(merge(joined));
}

/** A name of the runtime (`alexa-proactive-events/runtime`), imported where it is used. */
export function runtime(name: string, as?: string): ImportedName {
  return new ImportedName(name, runtimeModule, false, as);
}

/**
 * The runtime as a namespace (`import * as runtime from …`): for code whose set of helpers
 * changes with the definitions, so that a new field never changes the module's imports.
 */
export function runtimeNamespace(): Code {
  return new Code([new ImportedName('*', runtimeModule, false, 'runtime'), '.']);
}

/** A type of the runtime, imported with `import type` where it is used. */
export function runtimeType(name: string, as?: string): ImportedName {
  return new ImportedName(name, runtimeModule, true, as);
}

/** A name exported by another emitted module (its path in the output folder, e.g. `catalog.ts`). */
export function emitted(path: string, name: string, typeOnly = false): ImportedName {
  return new ImportedName(name, { kind: 'emitted', path }, typeOnly);
}

/** What generated modules import the runtime by (package.json `exports`: `./runtime`). */
export const runtimeSpecifier = 'alexa-proactive-events/runtime';
const runtimeModule: ModuleRef = { kind: 'package', specifier: runtimeSpecifier };

/** The specifier of the runtime or of an emitted module, for `export … from ${…}`. */
export function specifier(from: 'runtime' | { readonly path: string }): SpecifierOf {
  return new SpecifierOf(from === 'runtime' ? runtimeModule : { kind: 'emitted', path: from.path });
}

/** How the module at `modulePath` imports `from`: `./types/index.js`, `../../envelope.js`… */
export function specifierFrom(modulePath: string, from: ModuleRef): string {
  if (from.kind === 'package') return from.specifier;
  const here = modulePath.split('/').slice(0, -1);
  const there = from.path.replace(/\.ts$/, '.js').split('/');
  let shared = 0;
  while (shared < here.length && shared < there.length - 1 && here[shared] === there[shared]) {
    shared++;
  }
  const up = here.length - shared;
  const rest = there.slice(shared).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/**
 * A `/** … *\/` comment from definition text: one line from a string, one line per entry from a
 * list (an empty entry is an empty comment line); empty when there is no text.
 */
export function docComment(text: string | readonly string[] | undefined): Code {
  if (Array.isArray(text)) {
    const lines = (text as readonly string[]).map((line) => oneLine(line));
    if (lines.every((line) => line === '')) return new Code('');
    return new Code(`/**\n${lines.map((line) => (line ? ` * ${line}` : ' *')).join('\n')}\n */`);
  }
  const body = oneLine((text as string | undefined) ?? '');
  return new Code(body ? `/** ${body} */` : '');
}

function oneLine(text: string): string {
  return commentText(text.trim().replace(/\s+/g, ' '));
}

/** A regular expression built from definition text at run time: `new RegExp("…", "u")`. */
export function regexp(pattern: string, flags = 'u'): Code {
  new RegExp(pattern, flags); // throws here, at generation, rather than in the emitted module
  return code`new RegExp(${pattern}, ${flags})`;
}

/** A property key in an object literal or type: bare when it is an identifier, quoted otherwise. */
export function key(name: string): Code {
  return new Code(propertyKey(name));
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

  /** `preferred` itself when it is free and usable, else `preferred2`, `preferred3`… */
  unique(preferred: string): Name {
    const base = usableName(preferred);
    let candidate = base;
    for (let count = 2; this.used.has(candidate); count++) candidate = `${base}${count}`;
    return this.reserve(candidate);
  }

  /** Every name handed out or reserved so far. */
  usedNames(): string[] {
    return [...this.used];
  }

  name(prefix: string): Name {
    let count = this.counts.get(prefix) ?? 0;
    while (this.used.has(`${prefix}${count}`)) count++;
    this.counts.set(prefix, count + 1);
    return this.reserve(`${prefix}${count}`);
  }
}

/** `a-b` → `aB`, `default` → `defaultValue`, `1st` → `_1st`: a name made usable. */
function usableName(preferred: string): string {
  const words = preferred.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  let name = words
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  if (name === '' || /^[0-9]/.test(name)) name = `_${name}`;
  try {
    return identifier(name);
  } catch {
    return `${name}Value`; // a reserved word
  }
}

/**
 * `object.key`, or `object["key"]` when the key is not an identifier; with `optional`,
 * `object?.key` / `object?.["key"]` (for a value nobody validated).
 */
export function member(object: Code, name: string, optional = false): Code {
  const property = propertyKey(name);
  const dot = optional ? '?.' : '';
  return property === name
    ? code`${object}${new Code(dot || '.')}${new Code(name)}`
    : code`${object}${new Code(dot)}[${new Code(property)}]`;
}
