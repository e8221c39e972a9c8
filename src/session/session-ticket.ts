import { createSessionId } from "./session-id.ts";

/**
 * Session ids the server issues carry a ticket: the second they were issued
 * and a keyed tag over the random part and that second. A session whose runs
 * left nothing to remember is never saved, so a later event finds no record
 * for it; the tag is how the server knows it issued that id itself (nobody
 * can make up a session, or a second of issue, that the server did not), and
 * the second tells a session too young to have expired from one that may have.
 */
export interface SessionIdIssuer {
  /** A new session id with a ticket. */
  issue(): Promise<string>;
  /** When the server issued `sessionId` (ms), if it carries a valid ticket; else undefined. */
  issuedAt(sessionId: string): Promise<number | undefined>;
}

const TICKET = /^([0-9a-f]{32})([0-9a-f]{8})([0-9a-f]{16})$/;

/** The tag's message starts with a NUL byte: no media id (type, NUL, bytes) has an empty type. */
const DOMAIN = "\0edgelit session id\0";

/** A Web Crypto HMAC key (named without the DOM library, which the package build leaves out). */
type SigningKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/**
 * Issues and checks session ids with an HMAC-SHA-256 key (the server's media
 * key: the same on every replica).
 *
 * @example
 * const ids = createSessionIdIssuer(() => loadMediaIdKey(storage));
 * const sessionId = await ids.issue();
 */
export function createSessionIdIssuer(
  loadKey: () => Promise<SigningKey>,
  now: () => number = Date.now,
): SessionIdIssuer {
  let key: Promise<SigningKey> | undefined;
  const keyOnce = () => {
    key ??= loadKey();
    // A store that failed once is asked again next time.
    key.catch(() => (key = undefined));
    return key;
  };
  const tagOf = async (random: string, issued: string, signingKey?: SigningKey) => {
    const message = new TextEncoder().encode(DOMAIN + random + issued);
    const mac = new Uint8Array(
      await crypto.subtle.sign("HMAC", signingKey ?? (await keyOnce()), message),
    );
    return toHex(mac.subarray(0, 8));
  };
  return {
    async issue() {
      const random = createSessionId();
      const issued = Math.floor(now() / 1000)
        .toString(16)
        .padStart(8, "0");
      return random + issued + (await tagOf(random, issued));
    },
    async issuedAt(sessionId) {
      const match = TICKET.exec(sessionId);
      if (!match) return undefined;
      const [, random, issued, tag] = match as unknown as [string, string, string, string];
      if (sameText(await tagOf(random, issued), tag)) return parseInt(issued, 16) * 1000;
      // Two replicas that generated the key at once may hold different ones until they read the
      // store again: a tag that does not match is checked once more against the stored key.
      const stored = await loadKey();
      if (!sameText(await tagOf(random, issued, stored), tag)) return undefined;
      key = Promise.resolve(stored);
      return parseInt(issued, 16) * 1000;
    },
  };
}

// --- Internal helpers ---

/** Compares two strings of equal length in time independent of where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
