// Every wait in a test has a deadline, and says what did not happen when it passes: a clearer
// failure than the test timeout, and never a fixed sleep.

/** `promise`, or a failure "`what` did not happen within `ms` ms" (`what` may describe what was seen instead). */
export async function within<T>(promise: Promise<T>, what: string | (() => string), ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${typeof what === 'function' ? what() : what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
