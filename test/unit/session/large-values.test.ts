import { createStorage, type Driver } from "unstorage";
import memoryDriver from "unstorage/drivers/memory";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { LARGE_VALUE_CHARS, VALUE_PREFIX } from "../../../src/session/large-values.ts";
import { createSessionStore, sessionKey } from "../../../src/session/store.ts";
import { processValueCache, ValueCache } from "../../../src/session/value-cache.ts";
import { postToServer } from "../../helpers/events.ts";

/** Rows of about 40 bytes of JSON each. */
const makeRows = (count: number) =>
  Array.from({ length: count }, (_, id) => ({ id, name: `row number ${id}` }));

/** A page with a big list in st.session that only some clicks touch. */
const rowsApp = (rowCount: number) =>
  defineApp((st) => {
    st.session.clicks ??= 0;
    if (!("rows" in st.session)) st.session.rows = makeRows(rowCount);
    if (st.button("Add row")) st.session.rows.push({ id: -1, name: "added" });
    if (st.button("Click")) st.session.clicks++;
    if (st.button("Replace")) st.session.rows = makeRows(3);
    st.metric("Clicks", st.session.clicks);
    if (st.checkbox("Show rows")) st.metric("Rows", st.session.rows.length);
  });

/** A memory store whose driver notes every key read and written. */
function countingStorage() {
  const inner = memoryDriver();
  const reads: string[] = [];
  const writes: string[] = [];
  const driver: Driver = {
    ...inner,
    getItem: (key, options) => (reads.push(key), inner.getItem!(key, options)),
    setItem: (key, value, options) => (writes.push(key), inner.setItem!(key, value, options)),
  };
  return { storage: createStorage({ driver }), reads, writes, keys: () => inner.getKeys!("", {}) };
}

async function openTab(rowCount: number) {
  const store = countingStorage();
  const server = createServer({ app: rowsApp(rowCount), storage: store.storage });
  const tab = { sessionId: null as string | null, lastRunId: null as string | null };
  const ids = new Map<string, string>();
  const shown = new Map<string, unknown>();
  let events = 0;
  const send = async (changes: { id: string; value: unknown }[] = []) => {
    const messages = await postToServer(server, { ...tab, eventId: `e${++events}`, changes });
    for (const message of messages) {
      if (message.type === "start") tab.sessionId = message.sessionId;
      if (message.type === "finish") tab.lastRunId = message.runId;
      if (message.type === "error") throw new Error(message.message);
      if (message.type !== "element") continue;
      const props = message.props as { id?: string; label?: string; value?: unknown };
      if (props.id && props.label) ids.set(props.label, props.id);
      if (message.kind === "metric") shown.set(props.label!, props.value);
    }
    return messages;
  };
  await send();
  const press = (label: string) => send([{ id: ids.get(label)!, value: true }]);
  const valueKeys = async () =>
    (await store.keys()).filter((key) => key.startsWith(VALUE_PREFIX)).sort();
  const recordChars = async () =>
    JSON.stringify(await store.storage.getItem(sessionKey(tab.sessionId!))).length;
  return { store, tab, press, shown, valueKeys, recordChars };
}

const valueKeyTouched = (keys: string[]) => keys.filter((key) => key.startsWith(VALUE_PREFIX));

test("a value under the threshold stays in the record; a larger one is kept under its own key", async () => {
  const small = await openTab(10);
  expect(await small.valueKeys()).toEqual([]);
  const big = await openTab(Math.ceil((2 * LARGE_VALUE_CHARS) / 30));
  expect(await big.valueKeys()).toHaveLength(1);
  expect(await big.recordChars()).toBeLessThan(2_000);
});

test("an event that does not touch a large value reads and writes none of it", async () => {
  const tab = await openTab(20_000);
  await tab.press("Click");
  tab.store.reads.length = 0;
  tab.store.writes.length = 0;
  for (let i = 0; i < 3; i++) await tab.press("Click");
  expect(tab.shown.get("Clicks")).toBe("4");
  expect(valueKeyTouched(tab.store.reads)).toEqual([]);
  expect(valueKeyTouched(tab.store.writes)).toEqual([]);
  expect(await tab.recordChars()).toBeLessThan(2_000);
});

test("a change made in place is saved, read back after a restart, and the old text removed", async () => {
  const tab = await openTab(20_000);
  const [before] = await tab.valueKeys();
  await tab.press("Add row");
  const after = await tab.valueKeys();
  expect(after).toHaveLength(1);
  expect(after[0]).not.toBe(before);
  // A process that restarts holds no text: the next event reads it from the store.
  processValueCache.clear();
  await tab.press("Show rows");
  expect(tab.shown.get("Rows")).toBe("20001");
  await tab.press("Add row");
  expect(tab.shown.get("Rows")).toBe("20002");
  processValueCache.clear();
  await tab.press("Click");
  expect(tab.shown.get("Rows")).toBe("20002");
  // A value that became small goes back into the record.
  await tab.press("Replace");
  expect(tab.shown.get("Rows")).toBe("3");
  expect(await tab.valueKeys()).toEqual([]);
});

test("a value that is read but not changed is not written again", async () => {
  const tab = await openTab(20_000);
  await tab.press("Show rows");
  const keys = await tab.valueKeys();
  tab.store.writes.length = 0;
  await tab.press("Click");
  await tab.press("Click");
  expect(tab.shown.get("Rows")).toBe("20000");
  expect(valueKeyTouched(tab.store.writes)).toEqual([]);
  expect(await tab.valueKeys()).toEqual(keys);
});

test("a save that loses the race leaves its value unnamed, and two sweeps remove it", async () => {
  const storage = createStorage();
  const id = "0123456789abcdef0123456789abcd01";
  const replica = () => createSessionStore(storage, { valueCache: new ValueCache(1 << 24) });
  const [a, b] = [replica(), replica()];
  const first = await a.load(id);
  expect(first).toBeUndefined();
  const record = (await import("../../../src/session/record.ts")).createSessionRecord();
  record.session.rows = makeRows(2_000);
  await a.save(id, record, 0);
  const onA = (await a.load(id))!;
  const onB = (await b.load(id))!;
  (onA.session.rows as unknown[]).push("from a");
  (onB.session.rows as unknown[]).push("from b");
  expect(await a.save(id, onA, 1)).toBeDefined();
  expect(await b.save(id, onB, 1)).toBeUndefined();
  const rows = (await replica().load(id))!.session.rows as unknown[];
  expect(rows.at(-1)).toBe("from a");
  const valueKeys = async () => (await storage.getKeys(VALUE_PREFIX)).length;
  expect(await valueKeys()).toBe(2);
  expect(await a.sweepExpired()).toBe(0);
  expect(await valueKeys()).toBe(2);
  await a.sweepExpired();
  expect(await valueKeys()).toBe(1);
  expect(((await replica().load(id))!.session.rows as unknown[]).at(-1)).toBe("from a");
});

test("an expired session takes its values with it", async () => {
  let now = 1_000_000;
  const storage = createStorage();
  const sessions = createSessionStore(storage, { ttlSeconds: 60, now: () => now });
  const record = (await import("../../../src/session/record.ts")).createSessionRecord(now);
  record.session.rows = makeRows(2_000);
  await sessions.save("0123456789abcdef0123456789abcd02", record, 0);
  expect(await storage.getKeys(VALUE_PREFIX)).toHaveLength(1);
  now += 61_000;
  expect(await sessions.sweepExpired()).toBe(1);
  expect(await storage.getKeys(VALUE_PREFIX)).toEqual([]);
});

test("the value cache forgets the least recently used text first and holds no more than its bound", () => {
  const cache = new ValueCache(100);
  cache.set("a", "x".repeat(40));
  cache.set("b", "y".repeat(40));
  expect(cache.get("a")).toBe("x".repeat(40));
  cache.set("c", "z".repeat(40));
  expect(cache.hashes()).toEqual(["a", "c"]);
  expect(cache.size).toBe(80);
  cache.set("d", "w".repeat(30));
  expect(cache.hashes()).toEqual(["c", "d"]);
  expect(cache.size).toBe(70);
  cache.set("huge", "h".repeat(101));
  expect(cache.get("huge")).toBeUndefined();
  expect(cache.size).toBeLessThanOrEqual(100);
});

test("a callback that reads a large value sees it, and the page is right", async () => {
  const storage = createStorage();
  const app = defineApp((st) => {
    st.session.rows ??= makeRows(2_000);
    st.session.seen ??= 0;
    st.checkbox("Count rows", {
      onChange: () => void (st.session.seen = (st.session.rows as unknown[]).length),
    });
    st.metric("Seen", st.session.seen);
  });
  const server = createServer({ app, storage });
  const first = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "a" });
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const box = first.find((m) => m.type === "element" && m.kind === "checkbox") as {
    props: { id: string };
  };
  processValueCache.clear();
  const answer = await postToServer(server, {
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "b",
    changes: [{ id: box.props.id, value: true }],
  });
  const metric = answer.find((m) => m.type === "element" && m.kind === "metric") as {
    props: { value: unknown };
  };
  expect(metric.props.value).toBe("2000");
});

test("a store that is only eventually consistent (KV) keeps every value in the record", async () => {
  // The memory driver under a KV driver's name: the store picks its layout by the name.
  const storage = createStorage({
    driver: Object.assign(memoryDriver(), { name: "cloudflare-kv-binding" }),
  });
  const sessions = createSessionStore(storage);
  const id = "0123456789abcdef0123456789abcd03";
  const record = (await import("../../../src/session/record.ts")).createSessionRecord();
  record.session.rows = makeRows(2_000);
  await sessions.save(id, record, 0);
  expect(await storage.getKeys(VALUE_PREFIX)).toEqual([]);
  expect(((await sessions.load(id))!.session.rows as unknown[]).length).toBe(2_000);
});
