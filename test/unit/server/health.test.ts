import { createStorage, type Driver } from "unstorage";
import { expect, test } from "vitest";
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

test("health answers 503 with the store's error when the store cannot be reached", async () => {
  const response = await health(createStorage({ driver: unreachableDriver }));
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.ok).toBe(false);
  expect(body.error).toContain("ECONNREFUSED");
  expect(response.headers.get("cache-control")).toBe("no-store");
});

test("health answers 503 when the store does not answer in time", async () => {
  const started = Date.now();
  const response = await health(createStorage({ driver: hangingDriver }));
  expect(response.status).toBe(503);
  expect((await response.json()).error).toMatch(/did not answer/);
  expect(Date.now() - started).toBeLessThan(5000);
});
