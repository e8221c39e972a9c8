import { expect, test } from "vitest";
import { resolveSettings } from "../../../adapters/node/cli/settings.ts";

test("defaults: port 8501 on 127.0.0.1, sessions in fs; the server's own options stay unset", () => {
  expect(resolveSettings({ flags: {}, env: {} })).toEqual({
    port: 8501,
    host: "127.0.0.1",
    storage: "fs",
  });
});

test("a flag wins over the environment, which wins over the config file, which wins over defaults", () => {
  const file = { port: 1000, host: "0.0.0.0", maxEventBytes: 10, maxRunSeconds: 7 };
  const env = { EDGELIT_PORT: "2000", EDGELIT_MAX_EVENT_BYTES: "20" };
  expect(resolveSettings({ flags: {}, env: {}, file })).toMatchObject(file);
  expect(resolveSettings({ flags: {}, env, file })).toEqual({
    port: 2000,
    host: "0.0.0.0",
    storage: "fs",
    maxEventBytes: 20,
    maxRunSeconds: 7,
  });
  expect(resolveSettings({ flags: { port: 3000 }, env, file })).toMatchObject({
    port: 3000,
    maxEventBytes: 20,
  });
});

test("every option's variable is EDGELIT_ and its name in capitals", () => {
  const env = {
    EDGELIT_APP: "app.ts",
    EDGELIT_PORT: "1",
    EDGELIT_HOST: "::1",
    EDGELIT_STORAGE: "memory",
    EDGELIT_SESSION_TTL_SECONDS: "2",
    EDGELIT_MAX_EVENT_BYTES: "3",
    EDGELIT_MAX_UPLOAD_BYTES: "4",
    EDGELIT_MAX_RUN_SECONDS: "5",
    EDGELIT_MAX_MESSAGE_BYTES: "6",
    EDGELIT_HEARTBEAT_SECONDS: "7",
    EDGELIT_TRANSPORTS: "json,sse",
  };
  expect(resolveSettings({ flags: {}, env })).toEqual({
    app: "app.ts",
    port: 1,
    host: "::1",
    storage: "memory",
    sessionTtlSeconds: 2,
    maxEventBytes: 3,
    maxUploadBytes: 4,
    maxRunSeconds: 5,
    maxMessageBytes: 6,
    heartbeatSeconds: 7,
    transports: ["json", "sse"],
  });
});

test("PORT, HOST and REDIS_URL are read after their EDGELIT_ names; Upstash after both", () => {
  const upstash = { UPSTASH_REDIS_REST_URL: "https://u", UPSTASH_REDIS_REST_TOKEN: "t" };
  expect(resolveSettings({ flags: {}, env: { PORT: "8080", HOST: "0.0.0.0" } })).toMatchObject({
    port: 8080,
    host: "0.0.0.0",
  });
  expect(resolveSettings({ flags: {}, env: { PORT: "8080", EDGELIT_PORT: "9090" } }).port).toBe(
    9090,
  );
  expect(resolveSettings({ flags: {}, env: upstash }).storage).toBe("upstash");
  expect(resolveSettings({ flags: {}, env: { ...upstash, REDIS_URL: "redis://r" } }).storage).toBe(
    "redis://r",
  );
  const both = { REDIS_URL: "redis://r", EDGELIT_STORAGE: "memory" };
  expect(resolveSettings({ flags: {}, env: both }).storage).toBe("memory");
  // The environment wins over the config file, its aliases too.
  const file = { storage: "fs:sessions" };
  expect(resolveSettings({ flags: {}, env: { REDIS_URL: "redis://r" }, file }).storage).toBe(
    "redis://r",
  );
});

test("an empty variable counts as unset", () => {
  expect(resolveSettings({ flags: {}, env: { PORT: "" }, file: { port: 1 } }).port).toBe(1);
});

test("a variable that means nothing is an error naming it, what it takes and what it got", () => {
  expect(() => resolveSettings({ flags: {}, env: { PORT: "abc" } })).toThrow(
    'PORT must be a port number (0-65535), got "abc"',
  );
  expect(() => resolveSettings({ flags: {}, env: { EDGELIT_MAX_RUN_SECONDS: "-1" } })).toThrow(
    'EDGELIT_MAX_RUN_SECONDS must be a whole number of seconds (at least 1), got "-1"',
  );
});
