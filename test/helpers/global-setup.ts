import { build } from "vite";

/**
 * Builds the browser client before any test runs, so end-to-end tests never
 * drive a stale build, however vitest was started.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
}
