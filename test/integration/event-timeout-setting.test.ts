import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

test("an event timeout at or below the heartbeat stops the server at startup, naming both settings", () => {
  const cli = spawnSync(
    process.execPath,
    [
      "bin/edgelit.mjs",
      "run",
      "examples/counter/app.ts",
      "--no-dev",
      "--port",
      "0",
      "--storage",
      "memory",
      "--heartbeat-seconds",
      "5",
      "--event-timeout-seconds",
      "5",
    ],
    { encoding: "utf8", timeout: 30_000 },
  );
  expect(cli.status).toBe(1);
  expect(cli.stderr.trim()).toBe(
    "edgelit: eventTimeoutSeconds (5) must exceed heartbeatSeconds (5): a stream that is alive would be given up between two heartbeats.",
  );
});
