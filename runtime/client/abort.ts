/** Waiting that a stopped send does not sit through. */
/** `promise`'s value, or undefined as soon as `signal` fires (a stopped run does not wait for LWA). */
export async function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
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
