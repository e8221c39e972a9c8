/**
 * The session id lives in sessionStorage, so a reload of the tab resumes its
 * session while a new tab starts its own.
 */
const SESSION_KEY = "edgelit:session";

export function readSessionId(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null; // storage disabled (privacy mode): every load starts afresh
  }
}

export function storeSessionId(sessionId: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, sessionId);
  } catch {
    // Not fatal: the session still works until the tab reloads.
  }
}

export function clearSessionId(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
