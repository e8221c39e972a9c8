import { expect, test } from "vitest";
import { parseArgs, usage } from "../../../adapters/node/cli/args.ts";

test("run takes a file and options, in either flag form", () => {
  expect(
    parseArgs([
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
      "--max-event-bytes=2048",
      "--transports",
      "sse,json",
      "--config",
      "other.config.ts",
    ]),
  ).toEqual({
    command: "run",
    file: "app.ts",
    dev: false,
    configFile: "other.config.ts",
    flags: {
      port: 0,
      host: "0.0.0.0",
      storage: "redis://h:6379",
      sessionTtlSeconds: 60,
      maxEventBytes: 2048,
      transports: ["sse", "json"],
    },
    help: false,
  });
});

test("every option has a flag named after its config key", () => {
  const flags = parseArgs([
    "run",
    "--session-ttl-seconds=5",
    "--max-upload-bytes=10",
    "--max-run-seconds=20",
    "--max-message-bytes=30",
    "--heartbeat-seconds=40",
  ]).flags;
  expect(flags).toEqual({
    sessionTtlSeconds: 5,
    maxUploadBytes: 10,
    maxRunSeconds: 20,
    maxMessageBytes: 30,
    heartbeatSeconds: 40,
  });
});

test("options not given are not set: the environment, the config file or the defaults decide", () => {
  expect(parseArgs(["hello"])).toMatchObject({ command: "hello", flags: {}, dev: true });
});

test("bad options are errors with a message naming the flag, what it takes and what it got", () => {
  expect(() => parseArgs(["run", "a.ts", "--port", "http"])).toThrow(
    '--port must be a port number (0-65535), got "http"',
  );
  expect(() => parseArgs(["run", "a.ts", "--max-event-bytes", "1.5"])).toThrow(
    '--max-event-bytes must be a whole number of bytes (at least 1), got "1.5"',
  );
  expect(() => parseArgs(["run", "a.ts", "--transports", "sse,carrier-pigeon"])).toThrow(
    '--transports must be a list of sse, websocket, json (each at most once), got "sse,carrier-pigeon"',
  );
  expect(() => parseArgs(["run", "a.ts", "--bogus"])).toThrow("unknown option --bogus");
  expect(() => parseArgs(["run", "a.ts", "--port"])).toThrow("--port needs a value");
});

test("start is run in production mode", () => {
  expect(parseArgs(["start", "app.ts"])).toMatchObject({
    command: "start",
    file: "app.ts",
    dev: false,
  });
});

test("--help after a command asks for that command's usage; --version for the version", () => {
  expect(parseArgs(["run", "app.ts", "--help"])).toMatchObject({
    command: "run",
    help: true,
  });
  expect(parseArgs(["cache", "-h"])).toMatchObject({ command: "cache", help: true });
  expect(parseArgs(["--help"])).toMatchObject({ command: undefined, help: true });
  expect(parseArgs(["--version"]).command).toBe("version");
});

test("each command's usage names that command alone", () => {
  expect(usage("run")).toContain("edgelit run [app.ts]");
  expect(usage("run")).not.toContain("edgelit start");
  expect(usage("cache")).toContain("edgelit cache clear");
  expect(usage("cache")).not.toContain("--port");
  expect(usage()).toContain("edgelit --version");
});

test("--show-error-details, --allowed-hosts and --media-secret are options like the others", () => {
  expect(parseArgs(["start", "app.ts", "--show-error-details", "type"]).flags).toEqual({
    showErrorDetails: "type",
  });
  expect(parseArgs(["start", "app.ts", "--show-error-details=none"]).flags.showErrorDetails).toBe(
    "none",
  );
  expect(() => parseArgs(["start", "app.ts", "--show-error-details", "some"])).toThrow(
    '--show-error-details must be one of full, stacktrace, type, none, got "some"',
  );
  expect(
    parseArgs(["start", "app.ts", "--allowed-hosts", "app.example.com,.example.org"]).flags,
  ).toEqual({ allowedHosts: ["app.example.com", ".example.org"] });
  expect(parseArgs(["start", "app.ts", "--allowed-hosts", "*"]).flags).toEqual({
    allowedHosts: true,
  });
  // A secret is never repeated back, even a wrong one.
  expect(() => parseArgs(["start", "app.ts", "--media-secret", "short"])).toThrow(
    "--media-secret must be a secret of at least 16 characters, got 5 characters",
  );
  expect(usage("start")).toContain("--show-error-details");
  expect(usage("start")).toContain("--allowed-hosts");
});
