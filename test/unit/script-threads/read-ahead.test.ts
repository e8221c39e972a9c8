import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import memoryDriver from "unstorage/drivers/memory";
import { primeReads, readAhead } from "../../../adapters/node/script-threads/storage-bridge.ts";
import { sessionKey } from "../../../src/session/store.ts";

test("a record read along with the event answers the thread's next read of it, once", async () => {
  // The main thread's store and a script thread's own store, over one backend.
  const driver = memoryDriver();
  const mainStore = createStorage({ driver });
  const threadStore = createStorage({ driver });
  const key = sessionKey("a".repeat(32));
  await mainStore.setItem(key, { json: { version: 3 } });

  const prime = primeReads(threadStore, sessionKey(""));
  prime(key, await readAhead(mainStore, key));
  // Another replica saves in between: the primed read still gives what was read with the event
  // (the save's compare-and-set then refuses it), and the next read goes to the store.
  await mainStore.setItem(key, { json: { version: 4 } });
  expect(await threadStore.getItem(key)).toEqual({ json: { version: 3 } });
  expect(await threadStore.getItem(key)).toEqual({ json: { version: 4 } });
});

test("a session the store does not hold is read ahead as null, and a failed read as nothing", async () => {
  const storage = createStorage({ driver: memoryDriver() });
  expect(await readAhead(storage, sessionKey("b".repeat(32)))).toBeNull();
  const failing = createStorage({
    driver: {
      name: "failing",
      hasItem: () => false,
      getItem: () => Promise.reject(new Error("store down")),
      getKeys: () => [],
    },
  });
  expect(await readAhead(failing, sessionKey("c".repeat(32)))).toBeUndefined();
});
