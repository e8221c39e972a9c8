import { defineConfig } from "vitest/config";

/** A project of tests under test/<folder>; only the ones that start servers or browsers build the client first. */
function project(folder: string, options: { buildsClient: boolean }) {
  return {
    extends: true as const,
    test: {
      name: folder,
      include: [`test/${folder}/**/*.test.ts`],
      globalSetup: options.buildsClient ? ["test/helpers/global-setup.ts"] : [],
    },
  };
}

// No Solid plugin here: the tests exercise the server and drive the client in
// real Chromium, and the plugin's browser resolve conditions would hand Node
// code the service-worker builds of h3 and srvx.
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and multi-process tests must not all start at once.
    maxWorkers: 2,
    // Unit tests run in-process against the sources, so they skip the client
    // build and the compiled CLI: `npm run test:unit` is the fast loop.
    projects: [
      project("unit", { buildsClient: false }),
      project("integration", { buildsClient: true }),
      project("e2e", { buildsClient: true }),
      project("workers", { buildsClient: true }),
    ],
  },
});
