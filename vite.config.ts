import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/** Builds the browser client (client/) into dist-client/, which the server serves. */
export default defineConfig({
  root: "client",
  plugins: [solid()],
  build: {
    outDir: "../dist-client",
    emptyOutDir: true,
    // No "your build spent significant time in plugins" block in the terminal of someone running
    // an app: the CLI builds the client on first use.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
