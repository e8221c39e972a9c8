/**
 * Which proxies in front of the server are trusted to say who the client is:
 * `false` (none: the client is the connection's peer), `true` (all: the first
 * address of `X-Forwarded-For`), or how many hops (1: the address the nearest
 * proxy appended, the last of the header).
 */
export type TrustProxy = boolean | number;

/**
 * The client's address: the connection's peer, or, behind trusted proxies,
 * the address they forwarded (as Express reads `trust proxy`). Proxies append
 * to `X-Forwarded-For`, so what a client sends itself stays on the left and is
 * only believed with `true`; a count of hops walks the header from the right.
 * Undefined when the runtime gives no peer address and no proxy is trusted.
 *
 * @example
 * clientAddress("10.0.0.2", "203.0.113.7, 10.0.0.1", 1); // "10.0.0.1"
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustProxy: TrustProxy,
): string | undefined {
  if (trustProxy === false || trustProxy === 0 || !forwardedFor) return peer;
  // Nearest first: the peer, then the header from its right end.
  const chain = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .reverse();
  if (peer !== undefined) chain.unshift(peer);
  if (chain.length === 0) return peer;
  const hops = trustProxy === true ? chain.length - 1 : Math.min(trustProxy, chain.length - 1);
  return chain[hops];
}

/**
 * True for loopback, private-network and link-local addresses (127/8, 10/8,
 * 172.16/12, 192.168/16, 169.254/16, ::1, fc00::/7, fe80::/10, and IPv4
 * mapped into IPv6): this machine, a proxy in front of it, or the site's own
 * network. The rate limits leave them alone: behind a proxy that is not
 * trusted they stand for every client at once.
 *
 * @example
 * isPrivateAddress("10.0.0.7"); // true
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(bare);
  if (v4) {
    const [first, second] = [Number(v4[1]), Number(v4[2])];
    return (
      first === 127 ||
      first === 10 ||
      (first === 172 && second >= 16 && second <= 31) ||
      (first === 192 && second === 168) ||
      (first === 169 && second === 254)
    );
  }
  return bare === "::1" || /^f[cd][0-9a-f]{0,2}:/.test(bare) || /^fe[89ab][0-9a-f]?:/.test(bare);
}
