/** Session ids are 128 random bits as 32 lowercase hex characters. */
const SESSION_ID = /^[0-9a-f]{32}$/;

/** A new session id from the platform's CSPRNG. */
export function createSessionId(): string {
  return randomHex(16);
}

/** True when `value` has the shape of a session id the server could have made. */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

function randomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
