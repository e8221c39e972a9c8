import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  // With `dev: true` the helper passes no --no-dev: `start` alone must choose production mode.
  server = await startEdgelit({
    command: "start",
    app: "test/integration/fixtures/throws-when-ticked-app.ts",
    dev: true,
  });
});
afterAll(async () => {
  await server?.stop();
});

test("edgelit start serves in production mode: no reload channel, no stack traces in the page", async () => {
  const page = await (await fetch(server.url)).text();
  expect(page).toContain('"dev":false');
  expect((await fetch(`${server.url}/_edgelit/dev`)).status).toBe(400);

  const tab = new EventClient(server.url);
  await tab.send();
  const box = tab.elements("checkbox")[0]!;
  await tab.send([{ id: box.id as string, value: true }]);
  const [exception] = tab.elements("exception");
  expect(exception?.message).toBeTruthy();
  expect(exception?.stack).toBeUndefined();
});
