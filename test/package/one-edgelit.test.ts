// An installed edgelit loads one copy of itself: the "edgelit" an app imports is the one whose
// `st` runs it, so what `st` throws is an instance of the classes the app imports (and a fresh
// server does not pay for a second copy of every module).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startInstalledCli } from "../helpers/installed-cli.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";

const work = copyInstalledProject("edgelit-one-copy-");
afterAll(() => work.remove());

const APP = `import { defineApp, EdgelitApiError } from "edgelit";

export default defineApp((st) => {
  try {
    st.slider("Backwards", { min: 5, max: 1 });
  } catch (error) {
    st.write(\`an EdgelitApiError: \${error instanceof EdgelitApiError}\`);
  }
});
`;

for (const threads of ["0", "1"])
  test(
    `an app catches what st throws as the EdgelitApiError it imports (threads: ${threads})`,
    { timeout: 120_000 },
    async () => {
      writeFileSync(join(work.path, "app.ts"), APP);
      const server = await startInstalledCli(work.path, {
        args: ["start", "app.ts", "--storage", "memory", "--threads", threads],
      });
      try {
        const tab = new EventClient(server.url);
        await tab.send();
        expect(tab.last?.status).toBe(200);
        expect(tab.elements("markdown").map((props) => props.body)).toEqual([
          "an EdgelitApiError: true",
        ]);
      } finally {
        await server.stop();
      }
    },
  );
