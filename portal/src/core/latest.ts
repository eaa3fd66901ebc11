// "Update as you type": many requests may be in flight; only the newest
// request's answer is shown, whatever order the answers come back in.
export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  let generation = 0;
  return async (...args: A): Promise<{ current: boolean; value: R }> => {
    const mine = ++generation;
    const value = await fn(...args);
    return { current: mine === generation, value };
  };
}
