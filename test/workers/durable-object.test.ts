import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Miniflare } from "miniflare";
import { createStorage, type Driver } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundleWorker, moduleWorker } from "../helpers/worker.ts";
import type { ServerMessage, WidgetChange } from "../../src/protocol/index.ts";
import type { AtomicDriver } from "../../src/session/conditional-write.ts";
import { EventClient, postEvent, type EventAnswer } from "../helpers/events.ts";
import { tempDir } from "../helpers/processes.ts";
import { describeSessionStore } from "../integration/session-store-contract.ts";
import { largeFileBytes } from "../integration/media/large-files.ts";
import { CHUNK_BYTES } from "../../src/media/blob-store.ts";
import { createMediaStore } from "../../src/media/media-store.ts";

// The counter app as a Worker whose sessions live in Durable Objects, bundled by
// wrangler and run by workerd twice: isolates "a" and "b" share one namespace, as
// two Cloudflare locations would. Their events are not serialised by any
// in-process lock, only by the objects.
const FIXTURE = resolve(import.meta.dirname, "fixtures/durable-object");
const out = tempDir("edgelit-do-worker-");
let miniflare: Miniflare;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  const script = bundleWorker(out.path, resolve(FIXTURE, "wrangler.toml"));
  const worker = {
    ...moduleWorker(script),
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  };
  miniflare = new Miniflare({
    cf: false,
    workers: [
      {
        name: "a",
        ...worker,
        durableObjects: { SESSIONS: { className: "InspectableSessionStore", useSQLite: true } },
      },
      {
        name: "b",
        ...worker,
        durableObjects: {
          SESSIONS: { className: "InspectableSessionStore", scriptName: "a", useSQLite: true },
        },
      },
    ],
  });
  await miniflare.ready;
  urlA = (await miniflare.unsafeGetDirectURL("a")).origin;
  urlB = (await miniflare.unsafeGetDirectURL("b")).origin;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
  rmSync(resolve(FIXTURE, ".wrangler"), { recursive: true, force: true });
});

const countOn = (tab: EventClient) =>
  tab.elements("metric").find((props) => props.label === "Count")?.value;
const countIn = (answer: EventAnswer) =>
  answer.messages
    .flatMap((m) => (m.type === "element" && m.kind === "metric" ? [m.props.value] : []))
    .at(-1);
const finished = (answer: EventAnswer) => answer.messages.at(-1)?.type === "finish";
const conflicted = (answer: EventAnswer) =>
  answer.messages.some((m: ServerMessage) => m.type === "error" && m.code === "conflict");

/** One event as the page sends it; resent with the same eventId while the server answers "conflict", as the page does. */
async function sendUntilSaved(
  baseUrl: string,
  tab: EventClient,
  eventId: string,
  changes: WidgetChange[],
): Promise<EventAnswer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await postEvent(baseUrl, {
      sessionId: tab.sessionId,
      lastRunId: null,
      eventId,
      changes,
    });
    if (!conflicted(answer) || attempt === 5) return answer;
  }
}

test("under workerd, clicks run through the session's Durable Object, and each session has its own", async () => {
  const tab = new EventClient(urlA);
  await tab.send();
  expect(countOn(tab)).toBe("0");
  for (let click = 0; click < 3; click++)
    await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
  expect(tab.last?.messages.at(-1)?.type).toBe("finish");
  expect(countOn(tab)).toBe("3");

  const other = new EventClient(urlB);
  await other.send();
  await other.send([{ id: other.widgetId("button", "Add one"), value: true }]);
  expect(countOn(other)).toBe("1");
  await tab.send();
  expect(countOn(tab)).toBe("3");

  // One object per session, holding that session's record and nothing else.
  const stored = await fetch(`${urlA}/__stored?key=edgelit:session:${tab.sessionId}`);
  expect(await stored.json()).toEqual([`edgelit:session:${tab.sessionId}`]);
});

test("the same event sent to two isolates at once is counted once", async () => {
  const tab = new EventClient(urlA);
  await tab.send();
  const click = [{ id: tab.widgetId("button", "Add one"), value: true }];
  const answers = await Promise.all(
    [urlA, urlB].map((url) => sendUntilSaved(url, tab, "twice", click)),
  );
  expect(answers.some(finished)).toBe(true);
  for (const answer of answers.filter(finished)) expect(countIn(answer)).toBe("1");
  expect(countIn(await sendUntilSaved(urlB, tab, "next", click))).toBe("2");
});

test("different clicks racing on two isolates are all kept: the object refuses the stale save", async () => {
  const tab = new EventClient(urlA);
  await tab.send();
  const click = [{ id: tab.widgetId("button", "Add one"), value: true }];
  // Two clicks per isolate and round: each isolate runs its own one after the other, against the other isolate's.
  const urls = [urlA, urlB, urlA, urlB];
  for (let round = 1; round <= 20; round++) {
    const answers = await Promise.all(
      urls.map((url, i) => sendUntilSaved(url, tab, `${round}-${i}`, click)),
    );
    expect(answers.every(finished)).toBe(true);
  }
  expect(countIn(await sendUntilSaved(urlA, tab, "look", []))).toBe("80");
});

/** The fixture's driver, called from Node but running inside workerd, where it reaches the objects. */
function driverIn(baseUrl: string, name?: string): Driver & AtomicDriver {
  const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const response = await fetch(`${baseUrl}/__driver`, {
      method: "POST",
      body: JSON.stringify({ method, args, name }),
    });
    const body = (await response.json()) as { result?: T; error?: string };
    if (body.error !== undefined) throw new Error(body.error);
    return body.result as T;
  };
  return {
    name: "edgelit-durable-object (in workerd)",
    hasItem: (key) => call<boolean>("hasItem", key),
    getItem: (key) => call<string | null>("getItem", key),
    setItem: (key, value, opts) => call<void>("setItem", key, value, { ttl: opts?.ttl }),
    removeItem: (key) => call<void>("removeItem", key),
    getKeys: (base) => call<string[]>("getKeys", base),
    compareAndSet: (...args) => call<boolean>("compareAndSet", ...args),
  };
}

describeSessionStore("Durable Objects under workerd", {
  storage: () => createStorage({ driver: driverIn(urlA) }),
  second: () => createStorage({ driver: driverIn(urlB) }),
  guarantee: "atomic",
});

test("a key past its TTL is gone, and the object's alarm deletes it even if nobody reads it again", async () => {
  const key = "edgelit:session:ttl-alarm";
  const driver = driverIn(urlA);
  const record = JSON.stringify({ json: { version: 1 } });
  const written = performance.now();
  expect(await driver.compareAndSet(key, record, 0, 1)).toBe(true);
  expect(await driver.getItem(key, {})).toBe(record);

  // Only the alarm deletes here: listing the object's storage does not check expiry.
  const stored = async () =>
    (await (await fetch(`${urlA}/__stored?key=${key}`)).json()) as string[];
  expect(await stored()).toEqual([key]);
  while ((await stored()).length > 0 && performance.now() - written < 5000) await sleep(100);
  expect(await stored()).toEqual([]);
  expect(performance.now() - written).toBeGreaterThanOrEqual(1000);
  expect(await driver.getItem(key, {})).toBeNull();
  // Gone means "no record": a new session may start there from version 0.
  expect(await driver.compareAndSet(key, record, 1, 60)).toBe(false);
  expect(await driver.compareAndSet(key, record, 0, 60)).toBe(true);
});

test("a session saved again after the alarm deleted it expires again: the object sets a new alarm", async () => {
  const key = "edgelit:session:ttl-alarm-twice";
  const driver = driverIn(urlA);
  const record = JSON.stringify({ json: { version: 1 } });
  const stored = async () =>
    (await (await fetch(`${urlA}/__stored?key=${key}`)).json()) as string[];
  for (const round of [1, 2]) {
    const written = performance.now();
    expect(await driver.compareAndSet(key, record, 0, 1), `round ${round}`).toBe(true);
    expect(await stored()).toEqual([key]);
    while ((await stored()).length > 0 && performance.now() - written < 5000) await sleep(100);
    expect(await stored(), `round ${round}: the alarm deleted the key`).toEqual([]);
  }
});

test("with `name`, every key lives in that one object and can be listed; without it, listing is refused", async () => {
  const shared = createStorage({ driver: driverIn(urlA, "edgelit-admin") });
  await shared.setItem("edgelit:session:one", { json: { version: 1 } });
  await shared.setItem("edgelit:session:two", { json: { version: 1 } });
  await shared.setItem("other:three", "x");
  expect((await shared.getKeys("edgelit:session")).sort()).toEqual([
    "edgelit:session:one",
    "edgelit:session:two",
  ]);
  expect(await shared.getItem("edgelit:session:two")).toEqual({ json: { version: 1 } });
  await shared.removeItem("edgelit:session:two");
  expect(await shared.hasItem("edgelit:session:two")).toBe(false);
  await expect(createStorage({ driver: driverIn(urlA) }).getKeys()).rejects.toThrow(/pass `name`/);
});

test("media and uploads fit the objects chunk by chunk: a 1 MB file is stored, read back whole and by ranges", async () => {
  const media = createMediaStore(createStorage({ driver: driverIn(urlA) }), 3600);
  const bytes = largeFileBytes(0, 4 * CHUNK_BYTES + 1000);
  const same = (read: Uint8Array | undefined, expected: Uint8Array) =>
    !!read && Buffer.from(read).equals(Buffer.from(expected));

  const id = await media.putMedia(bytes, "video/mp4", {});
  const stored = await media.openMedia(id);
  expect(stored?.meta).toMatchObject({ size: bytes.length, chunks: 5 });
  const at = 2 * CHUNK_BYTES - 3;
  expect(same(await stored!.read(at, at + 6), bytes.subarray(at, at + 6))).toBe(true);
  expect(same((await media.getMedia(id))?.bytes, bytes)).toBe(true);

  const ref = await media.putUpload("do-session", "widget", {
    name: "clip.mp4",
    type: "video/mp4",
    bytes,
  });
  expect(await media.getUploadRef("do-session", "widget", ref.id)).toEqual(ref);
  expect(same(await media.getUploadBytes("do-session", ref.id), bytes)).toBe(true);
});
