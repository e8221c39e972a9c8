/**
 * Session ids: 128 random bits as 32 lowercase hex characters, followed in
 * ids issued since sessions are saved lazily by the second they were issued
 * (8 hex) and a keyed tag over both (16 hex): see session-ticket.ts.
 */
const SESSION_ID = /^[0-9a-f]{32}(?:[0-9a-f]{24})?$/;

/** 128 random bits from the platform's CSPRNG, as hex: the secret part of a session id. */
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
