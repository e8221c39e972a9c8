import type { Storage } from "unstorage";

/**
 * Bytes are kept in chunks of this size, each under its own key. 256 KiB
 * stays far inside every store's value limit, even as the base64 text that
 * stores without raw values keep (~350 KB): Cloudflare KV takes 25 MiB,
 * SQLite-backed Durable Objects 2 MB, Upstash 1 MB per request on its free
 * plan. It also bounds what one range read or one upload in flight holds in
 * memory: a chunk or two, whatever the file's size.
 */
export const CHUNK_BYTES = 256 * 1024;

/** What is kept beside stored bytes, under the blob's meta key. */
export interface BlobMeta {
  type: string;
  /** Length of the bytes. */
  size: number;
  chunkBytes: number;
  chunks: number;
  /** When the blob stops being served (ms since epoch); checked on read, for stores that cannot expire keys. */
  expiresAt: number;
  /** When its chunks expire (ms since epoch): the meta can be renewed alone until then. */
  chunksExpireAt: number;
  name?: string;
  widgetId?: string;
  /** Media shown straight from an upload: the upload (`<session>:<file>`) whose chunks hold the bytes. */
  chunksOf?: string;
}

/** The keys of one blob: its meta, its chunks (`<chunkPrefix>:<n>`), and the marker of a write under way. */
export interface BlobKeys {
  meta: string;
  chunkPrefix: string;
  writing: string;
}

/** Media (named by content) and uploads (named `<session>:<file>`). */
export type BlobKind = "media" | "upload";

const CHUNKS_ROOT = "edgelit:chunks";
const WRITING_ROOT = "edgelit:writing";

/**
 * The keys of a blob. Chunks and markers live under prefixes of their own,
 * apart from the metas: listing metas never walks chunks, and the fs store
 * can keep a meta file without a folder of the same name beside it.
 */
export function blobKeys(kind: BlobKind, id: string): BlobKeys {
  return {
    meta: `edgelit:${kind}:${id}`,
    chunkPrefix: `${CHUNKS_ROOT}:${kind}:${id}`,
    writing: `${WRITING_ROOT}:${kind}:${id}`,
  };
}

/** The meta of a complete blob that has not expired, or undefined. */
export async function readMeta(
  storage: Storage,
  keys: BlobKeys,
  now: number,
): Promise<BlobMeta | undefined> {
  const meta = (await storage.getItem(keys.meta)) as BlobMeta | null;
  if (!meta || typeof meta !== "object" || typeof meta.size !== "number") return undefined;
  return meta.expiresAt >= now ? meta : undefined;
}

/** One chunk's bytes, or undefined when it is missing. */
export async function readChunk(
  storage: Storage,
  chunkPrefix: string,
  index: number,
): Promise<Uint8Array | undefined> {
  return toBytes(await storage.getItemRaw(`${chunkPrefix}:${index}`));
}

/**
 * Bytes `start` to `end` (exclusive) as a stream that reads one chunk at a
 * time, when asked for the next: only the chunks the range covers are read.
 * A chunk that has gone (expired mid-read) ends the stream with an error.
 */
export function streamBytes(
  storage: Storage,
  chunkPrefix: string,
  meta: BlobMeta,
  start = 0,
  end = meta.size,
): ReadableStream<Uint8Array> {
  let index = Math.floor(start / meta.chunkBytes);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunkStart = index * meta.chunkBytes;
        if (chunkStart >= end) return controller.close();
        const chunk = await readChunk(storage, chunkPrefix, index);
        if (!chunk) return controller.error(new Error("a chunk of these bytes has expired"));
        const from = Math.max(start - chunkStart, 0);
        const to = Math.min(end - chunkStart, chunk.length);
        // A plain copy: stores hand back views on what they keep (memory), or Buffers (fs, Redis).
        const piece = new Uint8Array(to - from);
        piece.set(chunk.subarray(from, to));
        controller.enqueue(piece);
        index++;
      },
    },
    { highWaterMark: 0 },
  );
}

/** Bytes `start` to `end` (exclusive) in one array, reading only the chunks they cover. */
export async function readBytes(
  storage: Storage,
  chunkPrefix: string,
  meta: BlobMeta,
  start = 0,
  end = meta.size,
): Promise<Uint8Array | undefined> {
  const bytes = new Uint8Array(Math.max(end - start, 0));
  const reader = streamBytes(storage, chunkPrefix, meta, start, end).getReader();
  let offset = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes.set(value, offset);
      offset += value.length;
    }
  } catch {
    return undefined;
  }
  return offset === bytes.length ? bytes : undefined;
}

/** Writes a blob's chunks as bytes arrive, then its meta; or removes what it wrote. */
export interface BlobWriter {
  /** Bytes written so far. */
  readonly size: number;
  write(bytes: Uint8Array): Promise<void>;
  /** Writes the last chunk, then the meta: a reader sees the blob whole or not at all. */
  finish(
    meta: Omit<BlobMeta, "size" | "chunkBytes" | "chunks">,
    metaTtlSeconds: number,
  ): Promise<BlobMeta>;
  /** Removes every chunk written so far (a refused or broken upload). */
  abort(): Promise<void>;
}

/**
 * A writer of one blob's chunks, each with `chunkTtlSeconds`. It first
 * leaves a marker, so a sweep does not take the chunks of a write under way
 * for leftovers; it holds at most one chunk in memory.
 */
export async function createBlobWriter(
  storage: Storage,
  keys: BlobKeys,
  chunkTtlSeconds: number,
  now: () => number,
): Promise<BlobWriter> {
  await storage.setItem(
    keys.writing,
    { expiresAt: now() + chunkTtlSeconds * 1000 },
    { ttl: chunkTtlSeconds },
  );
  let pending = new Uint8Array(CHUNK_BYTES);
  let filled = 0;
  let written = 0;
  let size = 0;
  const flush = async () => {
    const chunk = filled === CHUNK_BYTES ? pending : pending.slice(0, filled);
    // A fresh buffer per chunk: the memory store keeps the one it is given.
    pending = new Uint8Array(CHUNK_BYTES);
    filled = 0;
    await writeChunk(storage, `${keys.chunkPrefix}:${written}`, chunk, chunkTtlSeconds);
    written++;
  };
  return {
    get size() {
      return size;
    },
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const take = Math.min(CHUNK_BYTES - filled, bytes.length - offset);
        pending.set(bytes.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === CHUNK_BYTES) await flush();
      }
      size += bytes.length;
    },
    async finish(fields, metaTtlSeconds) {
      if (filled > 0) await flush();
      const meta: BlobMeta = { ...fields, size, chunkBytes: CHUNK_BYTES, chunks: written };
      await storage.setItem(keys.meta, meta, { ttl: metaTtlSeconds });
      await storage.removeItem(keys.writing);
      return meta;
    },
    async abort() {
      await removeChunks(storage, keys.chunkPrefix, written + (filled > 0 ? 1 : 0));
      await storage.removeItem(keys.writing);
    },
  };
}

/** Removes chunks 0 to `count - 1` under `chunkPrefix`. */
export async function removeChunks(
  storage: Storage,
  chunkPrefix: string,
  count: number,
): Promise<void> {
  for (let index = 0; index < count; index++) await storage.removeItem(`${chunkPrefix}:${index}`);
}

/**
 * Writes every chunk of a blob again, one at a time, so they expire
 * `chunkTtlSeconds` from now: unstorage cannot renew a key's TTL without
 * writing it. False if a chunk has gone already.
 */
export async function rewriteChunks(
  storage: Storage,
  chunkPrefix: string,
  chunks: number,
  chunkTtlSeconds: number,
): Promise<boolean> {
  for (let index = 0; index < chunks; index++) {
    const chunk = await readChunk(storage, chunkPrefix, index);
    if (!chunk) return false;
    await writeChunk(storage, `${chunkPrefix}:${index}`, chunk, chunkTtlSeconds);
  }
  return true;
}

/**
 * Writes one chunk: raw where the driver keeps bytes (fs, memory), else as
 * the base64 text unstorage itself would write, encoded here in slices
 * (unstorage's own encoder spreads every byte into one call's arguments
 * where there is no Buffer, as on Workers: past ~100 KB the stack overflows).
 */
async function writeChunk(
  storage: Storage,
  key: string,
  chunk: Uint8Array,
  ttlSeconds: number,
): Promise<void> {
  const value = storage.getMount(key).driver.setItemRaw ? chunk : `base64:${toBase64(chunk)}`;
  await storage.setItemRaw(key, value, { ttl: ttlSeconds });
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * For stores without native expiry (fs, memory): deletes the blobs of
 * `kind` whose meta has expired, with their chunks, and chunks no live meta
 * or write under way owns (a write cut short by a crash). Returns the number
 * of blobs removed.
 */
export async function sweepBlobs(storage: Storage, kind: BlobKind, now: number): Promise<number> {
  let removed = 0;
  const metaRoot = `edgelit:${kind}:`;
  for (const key of await storage.getKeys(`edgelit:${kind}`)) {
    const meta = (await storage.getItem(key).catch(() => null)) as BlobMeta | null;
    if (meta && typeof meta === "object" && meta.expiresAt >= now) continue;
    const keys = blobKeys(kind, key.slice(metaRoot.length));
    // Media shown from an upload own no chunks; the upload's own meta removes those.
    if (meta?.chunks && !meta.chunksOf) await removeChunks(storage, keys.chunkPrefix, meta.chunks);
    await storage.removeItem(key);
    removed++;
  }
  const owners = new Set<string>();
  for (const key of await storage.getKeys(`${CHUNKS_ROOT}:${kind}`))
    owners.add(key.slice(`${CHUNKS_ROOT}:${kind}:`.length, key.lastIndexOf(":")));
  for (const owner of owners) {
    const keys = blobKeys(kind, owner);
    if (await readMeta(storage, keys, now)) continue;
    const writing = (await storage.getItem(keys.writing)) as { expiresAt?: number } | null;
    if (writing && (writing.expiresAt ?? 0) >= now) continue;
    for (const key of await storage.getKeys(keys.chunkPrefix)) await storage.removeItem(key);
    await storage.removeItem(keys.writing);
  }
  return removed;
}

/** Bytes as the store hands them back: raw, or the base64 text of stores without raw values. */
function toBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === "string")
    return Uint8Array.from(atob(value.startsWith("base64:") ? value.slice(7) : value), (c) =>
      c.charCodeAt(0),
    );
  if (
    value &&
    typeof value === "object" &&
    "type" in value &&
    (value as { type: string }).type === "Buffer"
  ) {
    return Uint8Array.from((value as unknown as { data: number[] }).data);
  }
  return undefined;
}
