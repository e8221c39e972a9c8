import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { OWN_COOKIE_PREFIX } from "./request-facts.ts";
import { LOGIN_MARK_COOKIE } from "../protocol/index.ts";

/** The logged-in user's claims, sealed. */
export const IDENTITY_COOKIE = `${OWN_COOKIE_PREFIX}identity`;
/** One login's state, nonce, PKCE verifier and return path, sealed, for the callback. */
export const FLOW_COOKIE = `${OWN_COOKIE_PREFIX}login_flow`;

/** How long a login may take at the provider. */
export const FLOW_SECONDS = 10 * 60;
/** How long a login lasts (Streamlit's cookie lasts 30 days). */
export const IDENTITY_SECONDS = 30 * 24 * 3600;

/**
 * Seals and opens the login cookies: JWTs encrypted with AES-256-GCM under a key derived from
 * `cookie_secret` (authenticated: a changed byte does not open), with an expiry and a purpose.
 * Web Crypto only, so the same code runs on Workers; any replica with the same secret opens them.
 *
 * @example
 * const seal = await createCookieSeal(config.cookieSecret);
 * const cookie = await seal.seal({ sub: "alice" }, "identity", 3600);
 */
export async function createCookieSeal(cookieSecret: string) {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`edgelit login cookies\0${cookieSecret}`),
  );
  const key = new Uint8Array(digest);
  return {
    seal(payload: JWTPayload, purpose: string, seconds: number): Promise<string> {
      return new EncryptJWT({ ...payload, purpose })
        .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
        .setIssuedAt()
        .setExpirationTime(`${seconds}s`)
        .encrypt(key);
    },
    /** The payload, or undefined when the cookie is forged, changed, expired or for another purpose. */
    async open(token: string | undefined, purpose: string): Promise<JWTPayload | undefined> {
      if (!token) return undefined;
      try {
        const { payload } = await jwtDecrypt(token, key, {
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: ["A256GCM"],
        });
        return payload.purpose === purpose ? payload : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** What a Set-Cookie needs to know of the request: is it plain http on loopback (development)? */
export function cookieAttributes(requestUrl: string, path: string, maxAgeSeconds: number): string {
  const url = new URL(requestUrl);
  // Secure, except on plain http to this machine, where browsers would not send it back.
  const secure = !(url.protocol === "http:" && isLoopbackHost(url.hostname));
  return `Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie of the login mark: readable by the page (see LOGIN_MARK_COOKIE). */
export function loginMarkCookie(requestUrl: string): string {
  const mark = crypto.randomUUID();
  const attributes = cookieAttributes(requestUrl, "/", IDENTITY_SECONDS).replace("; HttpOnly", "");
  return `${LOGIN_MARK_COOKIE}=${mark}; ${attributes}`;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
