import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";

/** Issue 19: the README's "show code" pattern shows the file as written, in-process and on a script thread. */

const APP = "test/integration/fixtures/show-source-app.ts";
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

for (const threads of ["0", "1"]) {
  test(`the app's own source, read through import.meta.url, is the file as written (threads ${threads})`, async () => {
    const server = await startEdgelit({ app: APP, extraArgs: ["--threads", threads] });
    stop = () => server.stop();
    const tab = new EventClient(server.url);
    await tab.send();
    await tab.send([{ id: tab.widgetId("checkbox", "Show code"), value: true }]);
    const [code] = tab.elements("code");
    expect(code!.body).toBe(readFileSync(resolve(import.meta.dirname, "../..", APP), "utf8"));
    expect(code!.body).toContain("const source: string =");
  });
}
