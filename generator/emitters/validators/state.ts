import type { Name } from '../../codegen/code.js';
import { Code, Scope, code } from '../../codegen/code.js';

/**
 * What emitting one validator module accumulates: unique local names, and module-level
 * constants (value sets, key sets, regular expressions) declared once, in first-use order.
 */
export class EmitState {
  /** Module-level names. */
  readonly scope = new Scope();
  /** Names local to the function being emitted (v0, o0, p0…); see beginFunction. */
  locals = new Scope();

  /** Starts a function: its local names count from 0 again. */
  beginFunction(): void {
    this.locals = new Scope();
  }

  private readonly constants = new Map<string, { name: Name; init: Code; doc: string }>();

  /** A module constant named `name` initialised with `init`; the same name twice must mean the same thing. */
  constant(name: string, init: Code, doc = ''): Name {
    const existing = this.constants.get(name);
    if (existing) {
      if (existing.init.text !== init.text)
        throw new TypeError(`two different constants named ${name}`);
      return existing.name;
    }
    const declared = { name: this.scope.reserve(name), init, doc };
    this.constants.set(name, declared);
    return declared.name;
  }

  /** A module constant for `init`, shared by everyone who needs the same one; named after `preferred`. */
  shared(preferred: string, init: Code, doc = ''): Name {
    for (const existing of this.constants.values()) {
      if (existing.init.text === init.text) return existing.name;
    }
    const name = this.constants.has(preferred) ? this.scope.name(preferred).text : preferred;
    return this.constant(name, init, doc);
  }

  declarations(): Code[] {
    return [...this.constants.values()].map(({ name, init, doc }) =>
      doc
        ? code`/** ${new Code(doc)} */\nconst ${name} = ${init};`
        : code`const ${name} = ${init};`,
    );
  }
}

/** `weatherAlertTypeValues` from `WeatherAlertType`. */
export function constantName(typeName: string, suffix: string): string {
  return `${typeName[0]!.toLowerCase()}${typeName.slice(1)}${suffix}`;
}
