// An app Node loads as an ES module by itself (.mjs) starts without tsx; one that imports a
// TypeScript file of its own still runs, through tsx, as before.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startInstalledApp } from "../helpers/installed-project.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";

const work = copyInstalledProject("edgelit-plain-js-");
afterAll(() => work.remove());

const appImporting = (module: string) => `import { defineApp } from "edgelit";
import { greeting } from "./${module}";

export default defineApp((st) => {
  st.write(greeting);
});
`;

for (const [helper, source] of [
  ["greeting.mjs", `export const greeting = "hello from JavaScript";\n`],
  ["greeting.ts", `export const greeting: string = "hello from TypeScript";\n`],
] as const)
  test(`app.mjs that imports ${helper} serves its page`, { timeout: 120_000 }, async () => {
    writeFileSync(join(work.path, helper), source);
    const app = `app-${helper.replace(".", "-")}.mjs`;
    writeFileSync(join(work.path, app), appImporting(helper));
    const server = await startInstalledApp(work.path, app);
    try {
      const tab = new EventClient(server.url);
      await tab.send();
      expect(tab.last?.status).toBe(200);
      expect(tab.elements("markdown").map((props) => props.body)).toEqual([
        source.match(/"(.*)"/)![1],
      ]);
    } finally {
      await server.stop();
    }
  });
