import { defineConfig } from "vitest/config";

// No Solid plugin here: the tests exercise the server and drive the client in
// real Chromium, and the plugin's browser resolve conditions would hand Node
// code the service-worker builds of h3 and srvx.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and multi-process tests must not all start at once.
    maxWorkers: 2,
  },
});
