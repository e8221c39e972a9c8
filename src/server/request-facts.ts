import { clientAddress, type TrustProxy } from "./client-address.ts";
import type { RequestFacts } from "./event-visit.ts";

/** Cookies whose names start so are edgelit's own (the login's): the app never sees them. */
export const OWN_COOKIE_PREFIX = "edgelit_";

/**
 * Reads what `st.context` and `st.user` tell the app from one HTTP request: the event's POST, or
 * a WebSocket's handshake. `pageUrl` is the page's path and query the event names.
 */
export type FactsReader = (
  request: Request,
  peer: string | undefined,
  pageUrl: string | undefined,
) => Promise<RequestFacts>;

/** Who is logged in, from the request's cookies: the claims, or undefined (see createAuth). */
export type IdentityReader = (
  cookies: Readonly<Record<string, string>>,
) => Promise<Readonly<Record<string, unknown>> | undefined>;

/**
 * A FactsReader for a server: the client's address as the rate limits see it (`trustProxy`),
 * and the logged-in user when the app has an `[auth]` section.
 *
 * @example
 * const readFacts = createFactsReader({ trustProxy: 1 });
 * const facts = await readFacts(request, "10.0.0.2", "/?q=1");
 */
export function createFactsReader(options: {
  trustProxy?: TrustProxy;
  identity?: IdentityReader;
}): FactsReader {
  const trust = options.trustProxy ?? false;
  return async (request, peer, pageUrl) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) if (name !== "cookie") headers[name] = value;
    const allCookies = parseCookies(request.headers.get("cookie"));
    const cookies: Record<string, string> = {};
    for (const name in allCookies)
      if (!name.startsWith(OWN_COOKIE_PREFIX)) cookies[name] = allCookies[name]!;
    const origin = new URL(request.url).origin;
    const facts: { request: RequestFacts["request"]; user?: RequestFacts["user"] } = {
      request: {
        headers,
        cookies,
        url: origin + (pageUrl ?? "/"),
        ipAddress: clientAddress(peer, request.headers.get("x-forwarded-for"), trust),
      },
    };
    const user = await options.identity?.(allCookies);
    if (user) facts.user = user;
    return facts;
  };
}

/**
 * The cookies of a `Cookie` header by name (the first of a repeated name; values
 * percent-decoded where they can be).
 *
 * @example
 * parseCookies("a=1; b=x%20y"); // { a: "1", b: "x y" }
 */
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name === "" || name in cookies) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}
