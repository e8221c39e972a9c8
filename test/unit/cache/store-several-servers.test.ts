import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { cacheData } from "../../../src/cache/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { defineApp } from "../../../src/index.ts";
import { bodies, exceptions, post } from "./server-events.ts";

// Two servers with different stores in one process, as in tests: their
// caches must never mix.

let runs = 0;
const tally = cacheData(async (label: string) => `${label} #${++runs}`);

const first = () => ({ sessionId: null, lastRunId: null, eventId: crypto.randomUUID() });

test("a call at the start of the script uses the store of the server running it", async () => {
  const app = defineApp(async (st) => st.write(await tally("start")));
  const storageA = createStorage();
  const storageB = createStorage();
  const serverA = createServer({ app, storage: storageA });
  const serverB = createServer({ app, storage: storageB });
  expect(bodies(await post(serverA, first()))).toEqual(["start #1"]);
  expect(bodies(await post(serverA, first()))).toEqual(["start #1"]);
  // B's store has no entry yet: it computes its own, and A's stays A's.
  expect(bodies(await post(serverB, first()))).toEqual(["start #2"]);
  expect(bodies(await post(serverA, first()))).toEqual(["start #1"]);
  expect(await storageA.getKeys("edgelit:cache")).toHaveLength(1);
  expect(await storageB.getKeys("edgelit:cache")).toHaveLength(1);
});

test("a call after an await, with several stores in the process, is refused rather than guessed", async () => {
  const app = defineApp(async (st) => {
    await Promise.resolve();
    st.write(await tally("later"));
  });
  const messages = await post(createServer({ app, storage: createStorage() }), first());
  expect(bodies(messages)).toEqual([]);
  expect(exceptions(messages)).toEqual([
    expect.stringMatching(
      /cacheData\(anonymous\) cannot tell which store to use.*cacheData\(fn, \{ storage \}\)/,
    ),
  ]);
});

test("an explicit storage option works anywhere", async () => {
  const storage = createStorage();
  const pinned = cacheData(async (n: number) => n * 2, { storage });
  const app = defineApp(async (st) => {
    await Promise.resolve();
    st.write(`doubled ${await pinned(21)}`);
  });
  expect(bodies(await post(createServer({ app, storage: createStorage() }), first()))).toEqual([
    "doubled 42",
  ]);
  expect(await storage.getKeys("edgelit:cache")).toHaveLength(1);
});
