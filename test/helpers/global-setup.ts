import { build } from "vite";
import { buildCompiledCli, isCompiledCliFresh } from "../../bin/compiled-cli.mjs";

// Each vitest project that lists this file runs it, all in the main process:
// the first one builds, the others wait for that same build.
const shared = globalThis as { edgelitTestBuild?: Promise<void> };

/**
 * Builds the browser client before any test that starts a server runs, so
 * end-to-end tests never drive a stale build, however vitest was started; and
 * the compiled CLI when its sources changed, once, rather than in every server
 * a test starts.
 */
export default async function setup(): Promise<void> {
  shared.edgelitTestBuild ??= (async () => {
    await build({ configFile: "vite.config.ts", logLevel: "warn" });
    if (!isCompiledCliFresh()) await buildCompiledCli();
  })();
  await shared.edgelitTestBuild;
}
