import { afterEach, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";

/** Issue 19: the CLI's development server refuses a cached function that draws, on a script thread too. */

const APP = "test/integration/fixtures/cached-element-app.ts";
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

for (const threads of ["0", "1"]) {
  test(`edgelit run (threads ${threads}) shows why a cached function may not draw`, async () => {
    const server = await startEdgelit({ app: APP, dev: true, extraArgs: ["--threads", threads] });
    stop = () => server.stop();
    const tab = new EventClient(server.url);
    await tab.send();
    const [error] = tab.elements("exception");
    expect(error?.message).toMatch(/^cacheData\(loadRows\) drew an element or a widget\./);
    expect(tab.elements("alert")).toEqual([]);
  });
}

test("edgelit start does not follow cached calls: the element shows, as the README says", async () => {
  const server = await startEdgelit({ app: APP, command: "start" });
  stop = () => server.stop();
  const tab = new EventClient(server.url);
  await tab.send();
  expect(tab.elements("exception")).toEqual([]);
  expect(tab.elements("text").map((e) => e.body)).toEqual(["rows: 0"]);
});
