// An installed edgelit runs an app file of any of the extensions README names,
// in a CommonJS project (as `npm init -y` makes it) and in an ES module one
// (`"type": "module"`): each server answers one event with the app's page.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startInstalledApp } from "../helpers/installed-project.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";
import { COUNTER_APP } from "../helpers/installed-cli.ts";

/** Valid TypeScript and JavaScript alike. */
/** The README's app. */
const APP = COUNTER_APP;

const commonJs = copyInstalledProject("edgelit-cjs-");
const esm = copyInstalledProject("edgelit-esm-");
afterAll(() => {
  commonJs.remove();
  esm.remove();
});
const manifest = join(esm.path, "package.json");
writeFileSync(
  manifest,
  JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), type: "module" }, null, 2),
);

for (const [kind, project] of [
  ["a CommonJS", commonJs.path],
  ["an ES module", esm.path],
] as const)
  for (const extension of [".ts", ".mts", ".js", ".mjs"])
    test(`app${extension} runs in ${kind} project`, async () => {
      const file = `app${extension}`;
      writeFileSync(join(project, file), APP);
      const server = await startInstalledApp(project, file);
      try {
        const tab = new EventClient(server.url);
        await tab.send();
        expect(tab.last?.status).toBe(200);
        expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
        await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
        expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
        expect(server.output()).not.toMatch(/could not load/i);
      } finally {
        await server.stop();
      }
    });
