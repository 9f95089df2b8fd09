/** Waiting that a stopped send does not sit through. */

/**
 * What the client uses of an `AbortSignal`. Declared here rather than naming the global, which
 * only `@types/node` or the DOM library declares: the published types must compile without either.
 * A real `AbortSignal` fits it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** `promise`'s value, or undefined as soon as `signal` fires (a stopped run does not wait for LWA). */
export async function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignalLike | undefined,
): Promise<T | undefined> {
  if (signal === undefined) return promise;
  if (signal.aborted) return undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
    // A token request left behind may still fail; nobody awaits it any more.
    promise.catch(() => undefined);
  }
}
