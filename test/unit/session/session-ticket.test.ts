import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { loadMediaIdKey } from "../../../src/media/media-id.ts";
import { isSessionId } from "../../../src/session/session-id.ts";
import { createSessionIdIssuer } from "../../../src/session/session-ticket.ts";

test("a session id carries the second it was issued, and only the server's key makes a valid one", async () => {
  const storage = createStorage();
  const ids = createSessionIdIssuer(
    () => loadMediaIdKey(storage),
    () => 1_700_000_000_500,
  );
  const id = await ids.issue();
  expect(isSessionId(id)).toBe(true);
  expect(id).toMatch(/^[0-9a-f]{56}$/);
  expect(await ids.issuedAt(id)).toBe(1_700_000_000_000);
  // Another random part, another second or another tag: not an id this server issued.
  const flip = (at: number) => id.slice(0, at) + (id[at] === "0" ? "1" : "0") + id.slice(at + 1);
  for (const at of [0, 31, 32, 39, 40, 55]) expect(await ids.issuedAt(flip(at))).toBeUndefined();
  expect(await ids.issuedAt(id.slice(0, 32))).toBeUndefined();
  const otherServer = createSessionIdIssuer(() => loadMediaIdKey(createStorage()));
  expect(await otherServer.issuedAt(id)).toBeUndefined();
  // The same secret on another replica: the same key.
  const sameSecret = (store = createStorage()) =>
    createSessionIdIssuer(() => loadMediaIdKey(store, "a secret of sixteen+ chars"));
  expect(await sameSecret().issuedAt(await sameSecret().issue())).toBeDefined();
});

test("a replica that generated its key in a race with another reads the stored one again", async () => {
  const storage = createStorage();
  const first = createSessionIdIssuer(() => loadMediaIdKey(storage));
  const early = await first.issue(); // first now holds the key it generated
  // Another replica's key lands in the store after: what every replica reads from then on.
  await storage.setItem("edgelit:media-secret", { secret: "f".repeat(64) });
  const second = createSessionIdIssuer(() => loadMediaIdKey(storage));
  const late = await second.issue();
  expect(await first.issuedAt(late)).toBeDefined();
  expect(await second.issuedAt(early)).toBeUndefined();
});
