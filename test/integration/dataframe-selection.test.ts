import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import { defineApp } from "../../src/index.ts";
import { EventClient } from "../helpers/events.ts";
import { freePort } from "../helpers/processes.ts";
import { reload } from "./counter-tab.ts";

/**
 * A dataframe made with onSelect is a widget over HTTP: a selection the page
 * sends reaches the app; one that does not fit the frame is refused with its
 * reason, and the app, the page and the stored session keep the last one.
 */

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const app = defineApp((st) => {
  const event = st.dataframe(
    { city: ["Oslo", "Bergen", "Tromsø"], people: [709_000, 291_000, 77_000] },
    { key: "cities", onSelect: "rerun", selectionMode: ["multi-row", "single-column"] },
  );
  st.markdown(
    `rows ${event.selection.rows.join(",")} columns ${event.selection.columns.join(",")}`,
  );
});

test("a selection sent over HTTP reaches the app; a refused one changes nothing", async () => {
  const server = await serveNode({
    app,
    storage: createStorage(),
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  servers.push(server);
  const tab = new EventClient(server.url);
  await tab.send();
  const said = () => tab.elements("markdown").map((props) => props.body);
  expect(said()).toEqual(["rows  columns "]);

  const select = (selection: object) => [{ id: "key:cities", value: { selection } }];
  const chosen = await tab.send(select({ rows: [2, 0], columns: ["people"], cells: [] }));
  expect(chosen.status).toBe(200);
  expect(said()).toEqual(["rows 2,0 columns people"]);

  for (const [selection, reason] of [
    [{ rows: [3], columns: [], cells: [] }, "row 3 is not a row of the data"],
    [{ rows: [], columns: ["people", "city"], cells: [] }, "selects one column at most"],
    [{ rows: [], columns: [], cells: [[0, "city"]] }, "does not select cells"],
  ] as const) {
    const refused = await tab.send(select(selection));
    expect(refused.status).toBe(200);
    const messages = refused.messages.flatMap((message) =>
      message.type === "refused" ? [message.message] : [],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
    expect(said()).toEqual(["rows 2,0 columns people"]);
  }
  // A reload (a new run of the stored session) still holds the last accepted selection.
  const reloaded = await reload(tab);
  expect(reloaded.elements("markdown").map((props) => props.body)).toEqual([
    "rows 2,0 columns people",
  ]);
});
