import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { sessionKey } from "../../../src/session/store.ts";
import { treeKey } from "../../../src/session/stored-tree.ts";
import { processTreeMemo, TreeMemo } from "../../../src/session/tree-memo.ts";
import { postToServer } from "../../helpers/events.ts";

/** A button that adds one, and `lines` text lines, one of which shows the count. */
const bigPage = (lines: number) =>
  defineApp((st) => {
    st.session.count ??= 0;
    if (st.button("Add one")) st.session.count++;
    for (let line = 1; line <= lines; line++)
      st.write(line === 7 ? `Count is ${st.session.count}` : `Line ${line} stays as it is.`);
  });

const elementsOf = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === "element" ? [m] : []));

async function openPage(lines: number) {
  const storage = createStorage();
  const app = bigPage(lines);
  const replicas = [createServer({ app, storage }), createServer({ app, storage })];
  const first = await postToServer(replicas[0]!, {
    sessionId: null,
    lastRunId: null,
    eventId: "load",
  });
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const button = elementsOf(first).find((m) => m.kind === "button") as { props: { id: string } };
  const page = { sessionId: start.sessionId, lastRunId: null as string | null };
  const finish = (messages: ServerMessage[]) =>
    (page.lastRunId = (messages.at(-1) as Extract<ServerMessage, { type: "finish" }>).runId);
  finish(first);
  let clicks = 0;
  /** Clicks the button on a replica: what the page is sent. */
  const click = async (replica = 0) => {
    const messages = await postToServer(replicas[replica]!, {
      ...page,
      eventId: `click-${++clicks}`,
      changes: [{ id: button.props.id, value: true }],
    });
    finish(messages);
    return elementsOf(messages);
  };
  const storedBytes = async (key: string) => JSON.stringify(await storage.getItem(key)).length;
  return { storage, page, click, storedBytes, firstElements: elementsOf(first).length };
}

test("a big page's record does not grow with the page, and a click sends only what changed", async () => {
  const small = await openPage(100);
  const big = await openPage(2_000);
  expect(big.firstElements).toBe(2_001);
  for (let i = 0; i < 3; i++) {
    await small.click();
    const sent = await big.click();
    expect(sent.map((m) => m.props)).toEqual([{ body: `Count is ${i + 1}` }]);
  }
  const smallRecord = await small.storedBytes(sessionKey(small.page.sessionId));
  const bigRecord = await big.storedBytes(sessionKey(big.page.sessionId));
  // The same few hashes (a digest's length varies by a byte or two).
  expect(Math.abs(bigRecord - smallRecord)).toBeLessThan(8);
  expect(bigRecord).toBeLessThan(2_000);
  // The hashes themselves are kept once, under a key of their own.
  expect(await big.storedBytes(treeKey(big.page.sessionId))).toBeGreaterThan(2_000 * 20);
});

test("after a restart, and on another replica, a click still sends only what changed", async () => {
  const page = await openPage(300);
  await page.click(0);
  // A process that restarts (or a replica that never served the session) holds no tree.
  processTreeMemo.clear();
  expect((await page.click(1)).map((m) => m.props)).toEqual([{ body: "Count is 2" }]);
  processTreeMemo.clear();
  expect((await page.click(0)).map((m) => m.props)).toEqual([{ body: "Count is 3" }]);
});

test("a base that does not match the record sends the whole page again, in place, and then only changes", async () => {
  const page = await openPage(300);
  await page.click();
  // A base overwritten by a save that lost its race (or lost from the store): its digest differs.
  await page.storage.setItem(treeKey(page.page.sessionId), { digest: "other", tree: {} });
  processTreeMemo.clear();
  const resent = await page.click();
  expect(resent).toHaveLength(301);
  expect(
    resent.find((m) => m.props && "body" in m.props && m.props.body === "Count is 2"),
  ).toBeTruthy();
  processTreeMemo.clear();
  expect((await page.click()).map((m) => m.props)).toEqual([{ body: "Count is 3" }]);
});

test("the tree memo forgets the least recently used tree first, one at a time", () => {
  const memo = new TreeMemo(10);
  memo.set("a", {}, 4);
  memo.set("b", {}, 4);
  expect(memo.get("a")).toBeDefined(); // now the most recent
  memo.set("c", {}, 4); // 12 > 10: the least recent ("b") goes, and only it
  expect(memo.digests()).toEqual(["a", "c"]);
  memo.set("d", {}, 2);
  expect(memo.digests()).toEqual(["a", "c", "d"]);
  memo.set("e", {}, 11); // larger than the whole bound: not held, nothing forgotten
  expect(memo.digests()).toEqual(["a", "c", "d"]);
  memo.set("c", {}, 8); // replaced, now the most recent: 4 + 2 + 8 = 14, so "a" goes
  expect(memo.digests()).toEqual(["d", "c"]);
});
