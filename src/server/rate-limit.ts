/** Options of {@link createRateLimiter}; a limit of 0 is off. */
export interface RateLimitOptions {
  /** Requests one client may make per second, on average; it may burst to twice as many. */
  requestsPerSecond: number;
  /** Sessions one client may start per minute (events with no session id). */
  newSessionsPerMinute: number;
  /** How many clients are tracked at once; past it the one seen least recently is forgotten. */
  maxClients?: number;
  /** Clock in ms, for tests. */
  now?: () => number;
}

/** What a limit said of one request: allowed, or refused with the seconds until it would be allowed. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts each client's requests and new sessions against the limits, in this process. */
export interface RateLimiter {
  /** Takes one request of `client`. */
  request(client: string): RateLimitVerdict;
  /** Takes one new session of `client` (its request was taken already). */
  newSession(client: string): RateLimitVerdict;
  /** How many clients are tracked now. */
  readonly trackedClients: number;
}

/** The default bound on tracked clients: about 200 bytes each (IPv4), so 2 MB or so at most. */
export const DEFAULT_MAX_TRACKED_CLIENTS = 10_000;

/**
 * Per-client limits as token buckets: a bucket holds up to `capacity` tokens,
 * refills at a steady rate, and each request takes one. Counted in this
 * process only: behind a load balancer each replica counts what it sees.
 * Memory is bounded: clients are kept in order of their last request and the
 * least recent is dropped past `maxClients` (it starts again with full buckets).
 *
 * @example
 * const limits = createRateLimiter({ requestsPerSecond: 50, newSessionsPerMinute: 30 });
 * if (!limits.request(ip).allowed) return tooManyRequests();
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? DEFAULT_MAX_TRACKED_CLIENTS;
  const requests = bucketRule(options.requestsPerSecond * 2, options.requestsPerSecond);
  const sessions = bucketRule(options.newSessionsPerMinute, options.newSessionsPerMinute / 60);
  const clients = new Map<string, ClientBuckets>();

  function bucketsOf(client: string): ClientBuckets {
    let buckets = clients.get(client);
    if (buckets) clients.delete(client); // re-inserted below: the Map's order is recency
    else {
      const at = now();
      buckets = [requests.capacity, at, sessions.capacity, at];
      if (clients.size >= maxClients) clients.delete(clients.keys().next().value!);
    }
    clients.set(client, buckets);
    return buckets;
  }

  return {
    request: (client) =>
      requests.perSecond > 0 ? take(bucketsOf(client), REQUESTS, requests, now()) : ALLOWED,
    newSession: (client) =>
      sessions.perSecond > 0 ? take(bucketsOf(client), SESSIONS, sessions, now()) : ALLOWED,
    get trackedClients() {
      return clients.size;
    },
  };
}

// --- Internal helpers ---

/**
 * A client's two buckets, flat to keep a tracked client small: at REQUESTS its request tokens
 * then when they were last brought up to date (ms), at SESSIONS the same for new sessions.
 */
type ClientBuckets = [number, number, number, number];
const REQUESTS = 0;
const SESSIONS = 2;

interface BucketRule {
  capacity: number;
  perSecond: number;
}

const ALLOWED: RateLimitVerdict = { allowed: true };

function bucketRule(capacity: number, perSecond: number): BucketRule {
  return { capacity: Math.max(1, capacity), perSecond };
}

/** Refills the bucket at `slot` for the time passed and takes a token, or says when one will be there. */
function take(
  buckets: ClientBuckets,
  slot: number,
  rule: BucketRule,
  at: number,
): RateLimitVerdict {
  const elapsedSeconds = Math.max(0, at - buckets[slot + 1]!) / 1000;
  const tokens = Math.min(rule.capacity, buckets[slot]! + elapsedSeconds * rule.perSecond);
  buckets[slot + 1] = at;
  if (tokens >= 1) {
    buckets[slot] = tokens - 1;
    return ALLOWED;
  }
  buckets[slot] = tokens;
  return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / rule.perSecond) };
}
