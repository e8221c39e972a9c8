import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/** A project of tests under test/<folder>, with the global setups it needs first. */
function project(folder: string, options: { globalSetup: string[] }) {
  return {
    extends: true as const,
    test: {
      name: folder,
      include: [`test/${folder}/**/*.test.ts`],
      globalSetup: options.globalSetup,
    },
  };
}

/** Builds the client (and the compiled CLI) before tests that start servers from the checkout. */
const BUILD = "test/helpers/global-setup.ts";
/** Packs the checkout and installs the tarball into a fresh project, once for the `package` tests. */
const PACK = "test/helpers/pack-setup.ts";

// No Solid plugin here: the tests exercise the server and drive the client in
// real Chromium, and the plugin's browser resolve conditions would hand Node
// code the service-worker builds of h3 and srvx.
export default defineConfig({
  // Tests that import an example or a fixture get "edgelit" from the sources, not from dist/
  // (package.json "exports").
  ssr: { resolve: { conditions: ["edgelit-source", ...defaultServerConditions] } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and multi-process tests must not all start at once.
    maxWorkers: 2,
    // Unit tests run in-process against the sources, so they skip the client
    // build and the compiled CLI: `npm run test:unit` is the fast loop.
    projects: [
      project("unit", { globalSetup: [] }),
      project("integration", { globalSetup: [BUILD] }),
      project("e2e", { globalSetup: [BUILD] }),
      project("workers", { globalSetup: [BUILD] }),
      // The package as users install it: from the tarball, in a project of its own.
      project("package", { globalSetup: [PACK] }),
    ],
  },
});
