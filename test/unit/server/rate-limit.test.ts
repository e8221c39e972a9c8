import { expect, test } from "vitest";
import { CONFIG_KEYS } from "../../../src/config/config-keys.ts";
import { clientAddress, isPrivateAddress } from "../../../src/server/client-address.ts";
import { createRateLimiter } from "../../../src/server/rate-limit.ts";

test("a client's requests are refused past its bucket, with the seconds until the next token", () => {
  const clock = { now: 0 };
  const limits = createRateLimiter({
    requestsPerSecond: 5,
    newSessionsPerMinute: 0,
    now: () => clock.now,
  });
  for (let i = 0; i < 10; i++) expect(limits.request("a").allowed).toBe(true);
  expect(limits.request("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  expect(limits.request("b").allowed).toBe(true);
  clock.now += 200; // one token back at 5 per second
  expect(limits.request("a").allowed).toBe(true);
  expect(limits.request("a").allowed).toBe(false);
  // New sessions are not limited (0 is off).
  for (let i = 0; i < 100; i++) expect(limits.newSession("a").allowed).toBe(true);
});

test("new sessions per minute refill one by one", () => {
  const clock = { now: 0 };
  const limits = createRateLimiter({
    requestsPerSecond: 0,
    newSessionsPerMinute: 3,
    now: () => clock.now,
  });
  for (let i = 0; i < 3; i++) expect(limits.newSession("a").allowed).toBe(true);
  expect(limits.newSession("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
  clock.now += 20_000;
  expect(limits.newSession("a").allowed).toBe(true);
  expect(limits.newSession("a").allowed).toBe(false);
});

test("memory is bounded: past maxClients the client seen least recently is forgotten", () => {
  const limits = createRateLimiter({
    requestsPerSecond: 1,
    newSessionsPerMinute: 1,
    maxClients: 3,
    now: () => 0,
  });
  for (const client of ["a", "b", "c"]) {
    limits.request(client);
    limits.request(client);
    expect(limits.request(client).allowed).toBe(false);
  }
  limits.request("a"); // a is now the most recent
  for (let i = 0; i < 1000; i++) limits.request(`flood-${i}`);
  expect(limits.trackedClients).toBe(3);
  // Forgotten clients start again with full buckets.
  expect(limits.request("b").allowed).toBe(true);
  expect(limits.request("a").allowed).toBe(true);
});

test("the client address: the peer, or what trusted proxies forwarded", () => {
  const header = "198.51.100.1, 203.0.113.5, 10.0.0.1";
  expect(clientAddress("10.0.0.2", header, false)).toBe("10.0.0.2");
  expect(clientAddress("10.0.0.2", header, 0)).toBe("10.0.0.2");
  expect(clientAddress("10.0.0.2", header, 1)).toBe("10.0.0.1");
  expect(clientAddress("10.0.0.2", header, 2)).toBe("203.0.113.5");
  expect(clientAddress("10.0.0.2", header, 3)).toBe("198.51.100.1");
  expect(clientAddress("10.0.0.2", header, 9)).toBe("198.51.100.1");
  expect(clientAddress("10.0.0.2", header, true)).toBe("198.51.100.1");
  expect(clientAddress("10.0.0.2", null, true)).toBe("10.0.0.2");
  expect(clientAddress(undefined, " 203.0.113.5 ,", true)).toBe("203.0.113.5");
  expect(clientAddress(undefined, null, true)).toBeUndefined();
});

test("loopback and private-network addresses are told from public ones", () => {
  for (const address of [
    "127.0.0.1",
    "::ffff:127.0.0.1",
    "::1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.1.1",
    "fd12:3456::1",
    "fe80::1",
  ])
    expect(isPrivateAddress(address), address).toBe(true);
  for (const address of ["203.0.113.5", "172.32.0.1", "8.8.8.8", "2001:db8::1", "::ffff:8.8.8.8"])
    expect(isPrivateAddress(address), address).toBe(false);
});

test("trustProxy is written true, false or a number of hops", () => {
  const key = CONFIG_KEYS.trustProxy;
  expect(key.parse("true")).toBe(true);
  expect(key.parse("no")).toBe(false);
  expect(key.parse("2")).toBe(2);
  expect(key.parse("0")).toBe(0);
  expect(key.parse("some")).toBeUndefined();
  expect(key.check(1)).toBe(true);
  expect(key.check(-1)).toBe(false);
  expect(CONFIG_KEYS.rateLimitRequestsPerSecond.check(0)).toBe(true);
});
