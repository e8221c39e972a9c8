import type { H3 } from "h3";
import { ROUTES } from "../protocol/index.ts";
import { clientAddress, isPrivateAddress, type TrustProxy } from "./client-address.ts";
import { tooManyRequests } from "./errors.ts";
import { createRateLimiter, type RateLimiter, type RateLimitVerdict } from "./rate-limit.ts";

/** The per-client limits of a server, as `ServerOptions` takes them. */
export interface ClientLimitOptions {
  trustProxy?: TrustProxy;
  rateLimitRequestsPerSecond?: number;
  rateLimitNewSessionsPerMinute?: number;
  rateLimitClock?: () => number;
}

/** Default requests per second per client: far above what a person clicking or typing sends. */
export const DEFAULT_REQUESTS_PER_SECOND = 50;
/** Default new sessions per minute per client: a tab opened, or reloaded after expiry, every two seconds. */
export const DEFAULT_NEW_SESSIONS_PER_MINUTE = 30;

/** A server's per-client limits: the request check is installed on the app; new sessions are checked by the event routes. */
export interface ClientLimits {
  /** Takes one new session for the client at `peer` (forwarded for as the header says). */
  newSession(peer: string | undefined, forwardedFor: string | null): RateLimitVerdict;
  /** Takes one request (a WebSocket message) for the client at `peer`. */
  request(peer: string | undefined, forwardedFor: string | null): RateLimitVerdict;
}

const UNLIMITED: ClientLimits = {
  newSession: () => ({ allowed: true }),
  request: () => ({ allowed: true }),
};

/**
 * Installs the per-client request limit on `h3` (every request but the health
 * check) and returns the limits the event routes check. A client is its
 * address (see clientAddress). Not limited: a request whose address the
 * runtime does not give, and clients on loopback or private networks (see
 * isPrivateAddress). Counted per process: see createRateLimiter.
 */
export function installClientLimits(h3: H3, options: ClientLimitOptions): ClientLimits {
  const perSecond = options.rateLimitRequestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
  const perMinute = options.rateLimitNewSessionsPerMinute ?? DEFAULT_NEW_SESSIONS_PER_MINUTE;
  if (perSecond === 0 && perMinute === 0) return UNLIMITED;
  const limiter: RateLimiter = createRateLimiter({
    requestsPerSecond: perSecond,
    newSessionsPerMinute: perMinute,
    now: options.rateLimitClock,
  });
  const trust = options.trustProxy ?? false;
  const limitsFor =
    (take: (client: string) => RateLimitVerdict) =>
    (peer: string | undefined, forwardedFor: string | null): RateLimitVerdict => {
      const client = clientAddress(peer, forwardedFor, trust);
      return client === undefined || isPrivateAddress(client) ? { allowed: true } : take(client);
    };
  const limits: ClientLimits = {
    request: limitsFor(limiter.request),
    newSession: limitsFor(limiter.newSession),
  };
  if (perSecond > 0)
    h3.use((event) => {
      if (event.url.pathname === ROUTES.health) return undefined;
      const verdict = limits.request(event.req.ip, event.req.headers.get("x-forwarded-for"));
      return verdict.allowed ? undefined : tooManyRequests(verdict.retryAfterSeconds);
    });
  return limits;
}
