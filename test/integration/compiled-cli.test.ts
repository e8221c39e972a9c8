import { cpSync, existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildCompiledCli, isCompiledCliFresh } from "../../bin/compiled-cli.mjs";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const copy = mkdtempSync(join(tmpdir(), "edgelit-compiled-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test("the compiled CLI is rebuilt once a source it was built from changes, and only then", async () => {
  cpSync(join(ROOT, "src"), join(copy, "src"), { recursive: true });
  cpSync(join(ROOT, "adapters"), join(copy, "adapters"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
  expect(isCompiledCliFresh(copy)).toBe(false);

  await buildCompiledCli(copy);
  expect(existsSync(join(copy, "dist-server/cli.mjs"))).toBe(true);
  expect(isCompiledCliFresh(copy)).toBe(true);

  const later = new Date(Date.now() + 5000);
  utimesSync(join(copy, "src/protocol/hash.ts"), later, later);
  expect(isCompiledCliFresh(copy)).toBe(false);
  await buildCompiledCli(copy);
  expect(isCompiledCliFresh(copy)).toBe(true);

  rmSync(join(copy, "src/protocol/hash.ts"));
  expect(isCompiledCliFresh(copy)).toBe(false);
});

// Compiled or from source, an error from edgelit's own code names its TypeScript file in dev mode.
for (const fromSource of [false, true]) {
  test(`an app's misuse shows a stack through edgelit's TypeScript sources (${fromSource ? "from source" : "compiled"})`, async () => {
    const server = await startEdgelit({
      app: "test/integration/fixtures/misused-slider-app.ts",
      dev: true,
      env: fromSource ? { EDGELIT_FROM_SOURCE: "1" } : {},
    });
    try {
      const tab = new EventClient(server.url);
      await tab.send();
      const [exception] = tab.elements("exception");
      expect(exception).toMatchObject({
        name: "EdgelitApiError",
        message: 'slider "Backwards": min (5) must be below max (1).',
      });
      expect(exception?.stack).toMatch(/src\/elements\/inputs\/slider\.ts:\d+:\d+/);
      expect(exception?.stack).toMatch(/misused-slider-app\.ts:6:\d+/);
      expect(exception?.stack).not.toContain("dist-server");
    } finally {
      await server.stop();
    }
  });
}
