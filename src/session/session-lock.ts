/**
 * Serialises work per session inside one process, so the events of one tab
 * apply in order. Across processes, the conditional save is what protects a
 * record; this only keeps one process from racing itself.
 */
export function createSessionLock(): <T>(sessionId: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async (sessionId, work) => {
    const previous = tails.get(sessionId) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    tails.set(sessionId, tail);
    try {
      return await current;
    } finally {
      // Forget the chain once nothing queued behind us, so idle sessions cost no memory.
      if (tails.get(sessionId) === tail) tails.delete(sessionId);
    }
  };
}
