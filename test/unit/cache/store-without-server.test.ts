import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { cacheData } from "../../../src/cache/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { bodies, post } from "./server-events.ts";

// Module state decides where cacheData's store comes from, and vitest gives
// each test file its own modules: here no server exists until the last test.

let runs = 0;
const lookup = cacheData(async (word: string) => ({ word, length: word.length, run: ++runs }));

const app = defineApp(async (st) => {
  const word = st.textInput("Word", { value: "edge" });
  if (st.button("Refresh", { onClick: () => lookup.clear() })) st.write("refreshed");
  await Promise.resolve(); // the cached call comes after an await, as it usually does
  const found = await lookup(word);
  st.write(`${found.word} has ${found.length} letters (run ${found.run})`);
});

test("with no server in the process (AppTest, a script), results are cached in process memory", async () => {
  const at = await AppTest.fromApp(app).run();
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["edge has 4 letters (run 1)"]);
  await at.run();
  const other = await AppTest.fromApp(app).run();
  expect(other.get("markdown").map((e) => e.props.body)).toEqual(["edge has 4 letters (run 1)"]);
  await at.textInput("Word").setValue("cache").run();
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["cache has 5 letters (run 2)"]);
  // A callback clearing the cache: the rerun computes afresh.
  await at.button("Refresh").click().run();
  expect(at.get("markdown").map((e) => e.props.body)).toEqual([
    "refreshed",
    "cache has 5 letters (run 3)",
  ]);
});

test("once the process has a server, calls (even after an await) use that server's store", async () => {
  const storage = createStorage();
  const server = createServer({ app, storage });
  const messages = await post(server, { sessionId: null, lastRunId: null, eventId: "load" });
  expect(bodies(messages)).toEqual(["edge has 4 letters (run 4)"]);
  expect(await storage.getKeys("edgelit:cache")).toHaveLength(1);
  const again = await post(server, { sessionId: null, lastRunId: null, eventId: "load-2" });
  expect(bodies(again)).toEqual(["edge has 4 letters (run 4)"]);
});
