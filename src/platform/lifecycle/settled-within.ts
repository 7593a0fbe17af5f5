/**
 * What `work` settles to, or what `late` gives once `ms` have passed. The timer is cleared either
 * way: a stop that waited for a child process, or a test that waited for an answer, leaves no timer
 * pending to hold its process (or Jest worker) open for the rest of the wait.
 */
export async function settledWithin<T, L>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<L>((resolve) => (timer = setTimeout(() => resolve(late()), ms)));
  try {
    return await Promise.race([work, waited]);
  } finally {
    clearTimeout(timer);
  }
}
