import { expect, test } from "vitest";
import { parseArgs, usage } from "../../../adapters/node/cli/args.ts";

test("run takes a file and options, in either flag form", () => {
  expect(
    parseArgs(
      [
        "run",
        "app.ts",
        "--port",
        "0",
        "--host=0.0.0.0",
        "--storage",
        "redis://h:6379",
        "--no-dev",
        "--session-ttl",
        "60",
      ],
      {},
    ),
  ).toEqual({
    command: "run",
    file: "app.ts",
    port: 0,
    host: "0.0.0.0",
    storage: "redis://h:6379",
    dev: false,
    sessionTtl: 60,
    help: false,
  });
});

test("defaults: port 8501 on 127.0.0.1, fs sessions, dev mode; REDIS_URL picks Redis", () => {
  expect(parseArgs(["hello"], {})).toMatchObject({
    command: "hello",
    port: 8501,
    host: "127.0.0.1",
    storage: "fs",
    dev: true,
  });
  expect(parseArgs(["hello"], { REDIS_URL: "redis://r" }).storage).toBe("redis://r");
});

test("bad options are errors with a message", () => {
  expect(() => parseArgs(["run", "a.ts", "--port", "http"], {})).toThrow(
    "--port must be a whole number",
  );
  expect(() => parseArgs(["run", "a.ts", "--bogus"], {})).toThrow("unknown option --bogus");
  expect(() => parseArgs(["run", "a.ts", "--port"], {})).toThrow("--port needs a value");
});

test("start is run in production mode; Upstash is chosen from its environment variables", () => {
  expect(parseArgs(["start", "app.ts"], {})).toMatchObject({
    command: "start",
    file: "app.ts",
    dev: false,
  });
  expect(
    parseArgs(["start", "app.ts"], {
      UPSTASH_REDIS_REST_URL: "https://x",
      UPSTASH_REDIS_REST_TOKEN: "t",
    }).storage,
  ).toBe("upstash");
  expect(
    parseArgs(["start", "app.ts"], { REDIS_URL: "redis://r", UPSTASH_REDIS_REST_URL: "https://x" })
      .storage,
  ).toBe("redis://r");
});

test("--help after a command asks for that command's usage; --version for the version", () => {
  expect(parseArgs(["run", "app.ts", "--help"], {})).toMatchObject({
    command: "run",
    help: true,
  });
  expect(parseArgs(["cache", "-h"], {})).toMatchObject({ command: "cache", help: true });
  expect(parseArgs(["--help"], {})).toMatchObject({ command: undefined, help: true });
  expect(parseArgs(["--version"], {}).command).toBe("version");
});

test("each command's usage names that command alone", () => {
  expect(usage("run")).toContain("edgelit run <app.ts>");
  expect(usage("run")).not.toContain("edgelit start");
  expect(usage("cache")).toContain("edgelit cache clear");
  expect(usage("cache")).not.toContain("--port");
  expect(usage()).toContain("edgelit --version");
});

test("--show-error-details takes full, stacktrace, type or none, and nothing else", () => {
  expect(parseArgs(["start", "app.ts", "--show-error-details", "type"], {}).showErrorDetails).toBe(
    "type",
  );
  expect(parseArgs(["start", "app.ts", "--show-error-details=none"], {}).showErrorDetails).toBe(
    "none",
  );
  expect(() => parseArgs(["start", "app.ts", "--show-error-details", "some"], {})).toThrow(
    "--show-error-details must be full, stacktrace, type, none",
  );
  expect(usage("start")).toContain("--show-error-details");
});
