/** How long after a save the page still counts on it: the save's answer takes a moment to arrive. */
const ANSWER_MARGIN_MS = 2000;

/**
 * What the page knows of its session's saves, to tell a session that expired
 * from one its store lost (restarted without persistence, or evicted under
 * memory pressure). Saved runs are numbered by the record's version, from 1
 * and only upward; runs not saved are `0.…`.
 */
export interface SaveClock {
  /**
   * Notes a run's end. True when the run shows the server started the
   * session over: a saved run numbered at or below one this page already saw
   * of the same session (a record made anew under the same id).
   */
  finished(sessionId: string | null, runId: string): boolean;
  /**
   * Whether the session could have expired by itself: the page saw no save,
   * or the last was longer ago than the session's time to live. When not, a
   * session the server no longer has was lost by its store.
   */
  couldHaveExpired(): boolean;
}

/**
 * A clock of the page's last save, against the server's `sessionTtlSeconds`.
 * The wall clock, not `performance.now()`: a laptop's sleep counts as idle time.
 *
 * @example
 * const saves = createSaveClock(config.sessionTtlSeconds);
 * saves.finished(sessionId, "4"); saves.couldHaveExpired(); // false: saved just now
 */
export function createSaveClock(sessionTtlSeconds: number | undefined): SaveClock {
  let lastSavedAt: number | undefined;
  let savedSession: string | null = null;
  let savedRun = 0;
  return {
    finished(sessionId, runId) {
      if (runId.startsWith("0.")) return false;
      const run = Number.parseInt(runId, 36);
      const startedOver = sessionId === savedSession && run <= savedRun;
      savedSession = sessionId;
      savedRun = run;
      lastSavedAt = Date.now();
      return startedOver;
    },
    couldHaveExpired() {
      if (lastSavedAt === undefined || !sessionTtlSeconds) return true;
      return Date.now() - lastSavedAt >= sessionTtlSeconds * 1000 - ANSWER_MARGIN_MS;
    },
  };
}
