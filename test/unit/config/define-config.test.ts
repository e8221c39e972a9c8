import { expect, test } from "vitest";
import { defineConfig, type EdgelitConfig } from "../../../src/index.ts";
import { checkConfig, serverConfigOf } from "../../../src/config/index.ts";

test("defineConfig returns a valid config as it is", () => {
  const config: EdgelitConfig = {
    app: "app.ts",
    port: 8080,
    host: "0.0.0.0",
    storage: "redis://127.0.0.1:6379",
    sessionTtlSeconds: 60,
    maxEventBytes: 2048,
    maxUploadBytes: 4096,
    maxRunSeconds: 30,
    maxMessageBytes: 8192,
    heartbeatSeconds: 5,
    transports: ["sse", "json"],
  };
  expect(defineConfig(config)).toEqual(config);
  expect(defineConfig({})).toEqual({});
});

test("an unknown key is an error naming it and listing the valid keys", () => {
  expect(() => defineConfig({ prot: 8080 } as EdgelitConfig)).toThrow(
    'unknown key "prot"; the keys are app, port, host, storage, threads, sessionTtlSeconds, maxEventBytes, maxUploadBytes, maxRunSeconds, maxMessageBytes, heartbeatSeconds, transports',
  );
});

test("a wrong type is an error naming the key, what it takes and what it got", () => {
  const bad = (config: Record<string, unknown>) => () => defineConfig(config as EdgelitConfig);
  expect(bad({ port: "8080" })).toThrow('port must be a port number (0-65535), got "8080"');
  expect(bad({ port: 70000 })).toThrow(
    "port must be a port number (0-65535), got 70000 (a number)",
  );
  expect(bad({ sessionTtlSeconds: 0 })).toThrow(
    "sessionTtlSeconds must be a whole number of seconds (at least 1), got 0 (a number)",
  );
  expect(bad({ maxEventBytes: 1.5 })).toThrow(
    "maxEventBytes must be a whole number of bytes (at least 1), got 1.5 (a number)",
  );
  expect(bad({ storage: "" })).toThrow('storage must be a non-empty string, got ""');
  expect(bad({ transports: ["sse", "pigeon"] })).toThrow(
    'transports must be a list of sse, websocket, json (each at most once), got an array ["sse","pigeon"]',
  );
  expect(bad({ host: null })).toThrow("host must be an address, got null");
});

test("a config that is not an object is an error", () => {
  expect(() => checkConfig(8080)).toThrow(
    "a config must be an object such as defineConfig({ port: 8501 }), got 8080 (a number)",
  );
});

test("a server's part of a config leaves out what only the CLI uses, and unset keys", () => {
  const config: EdgelitConfig = {
    app: "app.ts",
    port: 1,
    host: "h",
    storage: "memory",
    maxRunSeconds: 9,
    heartbeatSeconds: undefined,
  };
  expect(serverConfigOf(config)).toEqual({ maxRunSeconds: 9 });
});

test("a wrong mediaSecret is named by its length, never its value", () => {
  expect(() => defineConfig({ mediaSecret: "hunter2" })).toThrow(
    "mediaSecret must be a secret of at least 16 characters, got 7 characters",
  );
  expect(() => defineConfig({ mediaSecret: "hunter2" })).not.toThrow(/hunter2/);
});
