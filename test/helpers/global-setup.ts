import { build } from "vite";
import { buildCompiledCli, isCompiledCliFresh } from "../../bin/compiled-cli.mjs";

/**
 * Builds the browser client before any test runs, so end-to-end tests never
 * drive a stale build, however vitest was started; and the compiled CLI when
 * its sources changed, once, rather than in every server a test starts.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
  if (!isCompiledCliFresh()) await buildCompiledCli();
}
