import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { messagesOf, reload } from "./counter-tab.ts";

/** A script that throws shows the error in the page; the session lives on. */

const APP = "test/integration/fixtures/throws-when-ticked-app.ts";
let server: Awaited<ReturnType<typeof startEdgelit>>;
let hiding: Awaited<ReturnType<typeof startEdgelit>>;
beforeAll(async () => {
  [server, hiding] = await Promise.all([
    startEdgelit({ app: APP, storage: "memory" }),
    startEdgelit({ app: APP, storage: "memory", extraArgs: ["--show-error-details", "none"] }),
  ]);
});
afterAll(async () => {
  await server?.stop();
  await hiding?.stop();
});

/**
 * The server's log entries that report a script error (each starts a line with the prefix), once
 * there is one: stderr and the HTTP answer travel apart, so the entry may arrive just after it.
 */
async function scriptErrorsLogged(process: { output(): string }): Promise<string[]> {
  const entries = () =>
    process
      .output()
      .split(/\n(?=\S)/)
      .filter((entry) => entry.startsWith("[edgelit] script error"));
  for (let attempt = 0; attempt < 100 && entries().length === 0; attempt++)
    await new Promise((done) => setTimeout(done, 50));
  return entries();
}

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
  // The server's stderr has it once, with its stack.
  const logged = await scriptErrorsLogged(server);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatch(
    /^\[edgelit\] script error in app \(session [0-9a-f]{8}\): RangeError: The checkbox broke the app\n\s+at .*throws-when-ticked-app\.ts/,
  );

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

test("--show-error-details none: the page gets a generic message, the log the whole error", async () => {
  const tab = new EventClient(hiding.url);
  await tab.send();
  await tick(tab, true);
  expect(tab.elements("exception")).toEqual([
    { message: expect.stringMatching(/^This app has encountered an error\./) },
  ]);
  const logged = await scriptErrorsLogged(hiding);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toContain("RangeError: The checkbox broke the app\n");
});
