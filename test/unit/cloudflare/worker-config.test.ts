import { createStorage } from "unstorage";
import { expect, test, vi } from "vitest";
import { createWorker } from "../../../adapters/cloudflare/index.ts";
import app from "../../../examples/counter/app.ts";
import type { EdgelitConfig } from "../../../src/index.ts";

// The Durable Object base class exists only under workerd; these tests use no Durable Object.
vi.mock("cloudflare:workers", () => ({ DurableObject: class {} }));

test("a Worker refuses a config with a wrong type or an unknown key, naming the key", () => {
  const worker = (config: Record<string, unknown>) => () =>
    createWorker({ app, config: config as EdgelitConfig, storage: () => createStorage() });
  expect(worker({ maxEventBytes: "1mb" })).toThrow(
    'maxEventBytes must be a whole number of bytes (at least 1), got "1mb"',
  );
  expect(worker({ maxEventByte: 10 })).toThrow('unknown key "maxEventByte"');
});

test("a Worker ignores the keys only the CLI uses, so one config file serves both", async () => {
  const worker = createWorker({
    app,
    config: { app: "app.ts", port: 8080, host: "0.0.0.0", storage: "fs", maxEventBytes: 300 },
    storage: () => createStorage(),
  });
  const answer = await worker.fetch(
    new Request("https://app.example/_edgelit/event", {
      method: "POST",
      headers: { "x-edgelit": "1", "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(1000) }),
    }),
    {},
  );
  expect(answer.status).toBe(413);
});
