import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { messagesOf, reload } from "./counter-tab.ts";

/** A script that throws shows the error in the page; the session lives on. */

let server: Awaited<ReturnType<typeof startEdgelit>>;
beforeAll(async () => {
  server = await startEdgelit({
    app: "test/integration/fixtures/throws-when-ticked-app.ts",
    storage: "memory",
  });
});
afterAll(async () => {
  await server?.stop();
});

const tick = (tab: EventClient, value: boolean) =>
  tab.send([{ id: tab.widgetId("checkbox", "Break it"), value }]);
const shown = (tab: EventClient) =>
  tab.tree.roots[0]!.map(
    (node) => `${node.kind}: ${String(node.props.body ?? node.props.label ?? node.props.message)}`,
  );

test("ticking the box shows the exception; unticking brings the page back", async () => {
  const tab = new EventClient(server.url);
  await tab.send();
  expect(shown(tab)).toEqual([
    "heading: Fragile",
    "checkbox: Break it",
    "markdown: All is well after 1 runs",
  ]);

  const broken = await tick(tab, true);
  expect(broken.status).toBe(200);
  expect(broken.messages.at(-1)?.type).toBe("finish");
  expect(messagesOf(broken, "error")).toEqual([]);
  expect(tab.elements("exception")).toEqual([
    { name: "RangeError", message: "The checkbox broke the app" },
  ]);
  expect(shown(tab)).toEqual([
    "heading: Fragile",
    "checkbox: Break it",
    "exception: The checkbox broke the app",
  ]);
  expect(tab.elements("checkbox")).toMatchObject([{ value: true }]);

  // The failed run was saved like any other: a reload shows the same page.
  const reloaded = await reload(tab);
  expect(shown(reloaded)).toEqual([
    "heading: Fragile",
    "checkbox: Break it",
    "exception: The checkbox broke the app",
  ]);

  await tick(reloaded, false);
  expect(shown(reloaded)).toEqual([
    "heading: Fragile",
    "checkbox: Break it",
    "markdown: All is well after 4 runs",
  ]);
  expect(reloaded.elements("exception")).toEqual([]);
  expect(reloaded.sessionId).toBe(tab.sessionId);
});
