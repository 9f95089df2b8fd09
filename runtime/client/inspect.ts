/**
 * Node's `util.inspect.custom`, reached through its registered symbol rather than `node:util`, so
 * the package's type declarations need no `@types/node` and bundles for other runtimes carry no
 * Node import. Node passes its own `inspect` as the third argument.
 */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** The `inspect` function Node hands to a custom inspector. */
export type InspectFunction = (value: unknown, options?: object) => string;
