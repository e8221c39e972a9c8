import { createStorage, type Driver } from "unstorage";
import { afterEach, expect, test, vi } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";

const app = defineApp((st) => st.text("hi"));

/** A store every call to which fails, as a store whose server is down. */
const refuse = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
const unreachableDriver: Driver = {
  name: "unreachable",
  hasItem: refuse,
  getItem: refuse,
  setItem: refuse,
  removeItem: refuse,
  getKeys: refuse,
};

/** A store that never answers. */
const hang = () => new Promise<never>(() => {});
const hangingDriver: Driver = { name: "hanging", hasItem: hang, getItem: hang, getKeys: hang };

const health = (storage: ReturnType<typeof createStorage>) =>
  createServer({ app, storage }).fetch(new Request("http://localhost/_edgelit/health"));

test("health answers 200 while the session store answers", async () => {
  const response = await health(createStorage());
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test("health answers 503 when the store cannot be reached, and logs the store's error without showing it", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const response = await health(createStorage({ driver: unreachableDriver }));
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body).toEqual({ ok: false, error: "session store unreachable" });
  expect(JSON.stringify(body)).not.toContain("6379");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(logged.mock.calls.flat().join(" ")).toContain("ECONNREFUSED 127.0.0.1:6379");
});

test("health answers 503 when the store does not answer within its 2 s", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.useFakeTimers();
  const answer = health(createStorage({ driver: hangingDriver }));
  await vi.advanceTimersByTimeAsync(1999);
  let settled = false;
  void answer.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  const response = await answer;
  expect(response.status).toBe(503);
  expect(logged.mock.calls.flat().join(" ")).toMatch(/did not answer within 2000 ms/);
});
