import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { createMediaStore } from "../../../src/media/media-store.ts";

/**
 * Bytes in a media storage apart from the sessions: they expire with their session as before (the
 * meta's expiry, checked on read), a sweep removes them from that storage, and the session store
 * keeps only the media key and the upload quotas.
 */
test("media and uploads in a separate storage expire on read, are swept from it, and leave no bytes in the session store", async () => {
  let clock = 1_000_000;
  const sessions = createStorage();
  const bytes = createStorage();
  const media = createMediaStore(sessions, 60, { bytes, now: () => clock });
  const picture = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251);
  const id = await media.putMedia(picture, "image/png", {});
  const file = await media.putUpload("a".repeat(32), "uploader", {
    name: "data.bin",
    type: "application/octet-stream",
    bytes: picture,
  });
  expect((await media.getMedia(id))?.bytes).toEqual(picture);
  expect(await media.getUploadBytes("a".repeat(32), file.id)).toEqual(picture);
  expect((await bytes.getKeys()).filter((key) => key.startsWith("edgelit:chunks:"))).toHaveLength(
    4,
  );
  expect(
    (await sessions.getKeys()).filter((key) => /^edgelit:(chunks|media|upload):/.test(key)),
  ).toEqual([]);

  // Past 1.5 session TTLs nothing renewed them: both are gone for readers, then for the sweep.
  clock += 91_000;
  expect(await media.openMedia(id)).toBeUndefined();
  expect(await media.openUpload("a".repeat(32), file.id)).toBeUndefined();
  expect(await media.sweepExpired()).toBe(2);
  expect(await bytes.getKeys()).toEqual([]);
});
