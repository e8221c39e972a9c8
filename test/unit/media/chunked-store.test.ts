import { createStorage, type Storage } from "unstorage";
import { expect, test } from "vitest";
import { createMediaStore, UNHELD_UPLOAD_SECONDS } from "../../../src/media/media-store.ts";
import { CHUNK_BYTES } from "../../../src/media/blob-store.ts";
import { UploadQuotaError } from "../../../src/media/upload-quota.ts";

/** Media and uploads in chunks: what is read and written, when files expire, the quota. Memory store, fake clock. */

const SESSION_TTL = 3600;
const MINUTE = 60_000;

/** A memory store that counts reads and writes of chunks. */
function countingStorage(): {
  storage: Storage;
  chunkReads: () => number;
  chunkWrites: () => number;
} {
  const storage = createStorage();
  let reads = 0;
  let writes = 0;
  const getItemRaw = storage.getItemRaw.bind(storage);
  const setItemRaw = storage.setItemRaw.bind(storage);
  storage.getItemRaw = ((key: string, options?: object) => {
    if (key.startsWith("edgelit:chunks:")) reads++;
    return getItemRaw(key, options);
  }) as Storage["getItemRaw"];
  storage.setItemRaw = ((key: string, value: unknown, options?: object) => {
    if (key.startsWith("edgelit:chunks:")) writes++;
    return setItemRaw(key, value, options);
  }) as Storage["setItemRaw"];
  return { storage, chunkReads: () => reads, chunkWrites: () => writes };
}

function bytesOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 9)) & 0xff;
  return bytes;
}

/** Whether two byte arrays hold the same bytes (a large toEqual takes seconds). */
const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  !!a && Buffer.from(b).equals(Buffer.from(a));

test("a range of stored media reads only the chunks it covers, and media are written in chunks", async () => {
  const { storage, chunkReads, chunkWrites } = countingStorage();
  const media = createMediaStore(storage, SESSION_TTL);
  const video = bytesOf(10 * CHUNK_BYTES + 5);
  const id = await media.putMedia(video, "video/mp4", {});
  expect(chunkWrites()).toBe(11);

  const opened = await media.openMedia(id);
  expect(opened?.meta).toMatchObject({ type: "video/mp4", size: video.length, chunks: 11 });
  const at = 7 * CHUNK_BYTES + 123;
  expect([...(await opened!.read(at, at + 1))!]).toEqual([video[at]]);
  expect(chunkReads()).toBe(1);
  // Across a chunk's end: two chunks.
  expect([...(await opened!.read(CHUNK_BYTES - 2, CHUNK_BYTES + 2))!]).toEqual([
    ...video.subarray(CHUNK_BYTES - 2, CHUNK_BYTES + 2),
  ]);
  expect(chunkReads()).toBe(3);
  expect(same((await media.getMedia(id))?.bytes, video)).toBe(true);
});

test("an uploaded file no event holds expires after 10 minutes; one an event holds lives with its session, renewed by its meta alone", async () => {
  let clock = Date.parse("2026-12-07T12:00:00Z");
  const { storage, chunkWrites, chunkReads } = countingStorage();
  const media = createMediaStore(storage, SESSION_TTL, { now: () => clock });
  const file = (name: string) => ({
    name,
    type: "application/octet-stream",
    bytes: bytesOf(3 * CHUNK_BYTES),
  });
  const unheld = await media.putUpload("s1", "w", file("unheld.bin"));
  const held = await media.putUpload("s1", "w", file("held.bin"));
  let written = await media.renewUploads("s1", [held.id], {});

  clock += UNHELD_UPLOAD_SECONDS * 1000 + MINUTE;
  expect(await media.getUploadRef("s1", "w", unheld.id)).toBeUndefined();
  expect(await media.getUploadRef("s1", "w", held.id)).toEqual(held);
  // The sweep (stores without native expiry) takes the unheld file's chunks.
  expect(await media.sweepExpired()).toBe(1);
  expect(await storage.getKeys(`edgelit:chunks:upload:s1:${unheld.id}`)).toEqual([]);
  expect(await storage.getKeys(`edgelit:chunks:upload:s1:${held.id}`)).toHaveLength(3);

  // Held across several session TTLs by events every half hour: renewals mostly write the meta
  // alone; chunks outlive it by a session TTL, so they are rewritten about once a session TTL.
  const writesBefore = chunkWrites();
  const readsBefore = chunkReads();
  for (let i = 0; i < 8; i++) {
    clock += 30 * MINUTE + 1;
    written = await media.renewUploads("s1", [held.id], written);
    expect(await media.getUploadRef("s1", "w", held.id)).toEqual(held);
  }
  expect(same(await media.getUploadBytes("s1", held.id), bytesOf(3 * CHUNK_BYTES))).toBe(true);
  const rewrites = (chunkWrites() - writesBefore) / 3;
  expect(rewrites).toBeGreaterThanOrEqual(2);
  expect(rewrites).toBeLessThanOrEqual(4);
  expect(chunkReads() - readsBefore - 3).toBe(rewrites * 3);

  // No longer held: gone 1.5 session TTLs after its last renewal.
  clock += SESSION_TTL * 1500 + MINUTE;
  expect(await media.getUploadRef("s1", "w", held.id)).toBeUndefined();
});

test("a session's uploads stop at its quota, counted until their bytes may leave the store; other sessions are not affected", async () => {
  let clock = Date.parse("2026-12-07T12:00:00Z");
  const storage = createStorage();
  const media = createMediaStore(storage, SESSION_TTL, {
    now: () => clock,
    maxSessionUploadBytes: 2 * CHUNK_BYTES,
  });
  const file = { name: "a.bin", type: "application/octet-stream", bytes: bytesOf(CHUNK_BYTES) };
  await media.putUpload("s1", "w", file);
  await media.putUpload("s1", "w", file);
  const refused = await media.putUpload("s1", "w", file).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(UploadQuotaError);
  expect(refused).toMatchObject({ heldBytes: 2 * CHUNK_BYTES, maxBytes: 2 * CHUNK_BYTES });
  // A refused upload leaves nothing: two files, two chunks.
  expect(await storage.getKeys("edgelit:chunks:upload:s1")).toHaveLength(2);
  await media.putUpload("s2", "w", file);

  // Once the unheld files' bytes have expired, the session has room again.
  clock += 3 * UNHELD_UPLOAD_SECONDS * 1000 + MINUTE;
  await media.putUpload("s1", "w", file);
});

test("sealed bytes keep the id they were first stored under: shown again, they are not hashed again", async () => {
  const media = createMediaStore(createStorage(), SESSION_TTL, {
    secret: "a secret of sixteen+ chars",
  });
  const batch = bytesOf(1000);
  const first = await media.putMedia(batch, "application/vnd.apache.arrow.stream", {}, true);
  // Changing sealed bytes breaks the promise; the store then still gives the first id, which
  // shows it did not hash them again. Unsealed, the same bytes get their own content's id.
  batch[0] = batch[0]! ^ 0xff;
  expect(await media.putMedia(batch, "application/vnd.apache.arrow.stream", {}, true)).toBe(first);
  expect(await media.putMedia(batch, "application/vnd.apache.arrow.stream", {})).not.toBe(first);
  // Another type is another id, hashed afresh.
  expect(await media.putMedia(batch, "application/octet-stream", {}, true)).not.toBe(first);
});
