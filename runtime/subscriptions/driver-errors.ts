/**
 * The error every store throws when its optional driver package is not installed. It names the
 * packages to install; it must not mention the drivers' types, so the package's public
 * declarations load without them.
 */
import { ProactiveEventsError } from '../errors.js';
export class MissingStoreDriverError extends ProactiveEventsError {
  constructor(
    readonly store: string,
    readonly packages: readonly string[],
    readonly reason: unknown,
  ) {
    const detail = reason instanceof Error ? reason.message.split('\n')[0] : String(reason);
    const names = packages.map((name) => `"${name}"`).join(' and ');
    super(
      `${store} needs the optional package${packages.length > 1 ? 's' : ''} ${names}: install ` +
        `with "npm install ${packages.join(' ')}" (${detail})`,
    );
    this.name = 'MissingStoreDriverError';
  }
}

/** `import()` of a CommonJS package yields its exports as `default`; ESM builds as the namespace. */
export function interopDefault<T>(loaded: unknown): T {
  const namespace = loaded as { default?: unknown };
  return (namespace.default ?? loaded) as T;
}
