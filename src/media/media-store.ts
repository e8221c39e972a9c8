import type { Storage } from "unstorage";
import type { UploadedFileRef } from "../protocol/index.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import {
  blobKeys,
  createBlobWriter,
  readBytes,
  readMeta,
  rewriteChunks,
  streamBytes,
  sweepBlobs,
  type BlobMeta,
} from "./blob-store.ts";
import { randomId } from "./random-id.ts";
import { loadMediaIdKey, mediaId, type MediaIdKey } from "./media-id.ts";
import { createUploadLedger, DEFAULT_MAX_SESSION_UPLOAD_BYTES } from "./upload-quota.ts";
import { createUploadBatch, type UploadBatch } from "./upload-batch.ts";
import { mediaStorageError } from "./media-storage-error.ts";

export type { UploadBatch, UploadFileWriter } from "./upload-batch.ts";

/** How long an uploaded file no event has held yet is kept, unless the session is shorter: 10 minutes. */
export const UNHELD_UPLOAD_SECONDS = 600;

/** Stored bytes opened for reading: their meta, and any range of them read chunk by chunk. */
export interface StoredBytes {
  meta: BlobMeta;
  /** Bytes `start` to `end` (exclusive), reading only the chunks they cover. */
  stream(start?: number, end?: number): ReadableStream<Uint8Array>;
  read(start?: number, end?: number): Promise<Uint8Array | undefined>;
}

/**
 * Media and uploads in the session store, in chunks (see blob-store.ts).
 * Media live 1.5 session TTLs, renewed while a session shows them; an
 * uploaded file lives 10 minutes until an event holds it, then as long as the
 * session holds it. Chunks outlive their meta by a session TTL, so renewing
 * a file rewrites its small meta, and its chunks only about once a session
 * TTL; ranges read only the chunks they need.
 *
 * Media are named by a keyed hash of their content (see media-id.ts), so the
 * same image shown in every session is stored once, under an id no one can
 * compute without the bytes and the server's key.
 */
export interface MediaStore {
  /**
   * Stores media a run shows, before the element showing it is sent, and
   * returns its id. `written` is the session's record of when it last stored
   * each id: media stored less than half a TTL ago are not written again.
   * `sealed` promises the bytes never change: their id is then remembered (per
   * Uint8Array, for this process) and not hashed again when they are shown again.
   */
  putMedia(
    bytes: Uint8Array,
    type: string,
    written: Record<string, number>,
    sealed?: boolean,
  ): Promise<string>;
  /**
   * Remembers `id` as the id of these sealed bytes, read back from the media
   * stored under it (a cached frame's batches): showing them hashes nothing.
   */
  adoptSealed(bytes: Uint8Array, type: string, id: string): void;
  /** Serves an uploaded file as media from its own chunks, without reading them; gives the media id. */
  putUploadMedia(
    sessionId: string,
    fileId: string,
    type: string,
    written: Record<string, number>,
  ): Promise<string>;
  /** The entries of `written` that have not expired: what the session record keeps. */
  keepWritten(written: Record<string, number>): Record<string, number>;
  openMedia(mediaId: string): Promise<StoredBytes | undefined>;
  /** Media's meta and whole bytes (for tests and small media). */
  getMedia(mediaId: string): Promise<{ meta: BlobMeta; bytes: Uint8Array } | undefined>;
  /** Starts an upload of at most `declaredBytes`; throws UploadQuotaError past the session's quota. */
  beginUpload(sessionId: string, declaredBytes: number): Promise<UploadBatch>;
  /** Stores one whole file (the test harness's uploads). */
  putUpload(
    sessionId: string,
    widgetId: string,
    file: { name: string; type: string; bytes: Uint8Array },
  ): Promise<UploadedFileRef>;
  /** A file of this session given to this widget, or undefined (unknown, expired, or another session's). */
  getUploadRef(
    sessionId: string,
    widgetId: string,
    fileId: string,
  ): Promise<UploadedFileRef | undefined>;
  openUpload(sessionId: string, fileId: string): Promise<StoredBytes | undefined>;
  getUploadBytes(sessionId: string, fileId: string): Promise<Uint8Array | undefined>;
  /**
   * Keeps the files the session's widgets hold alive as long as the session:
   * renews those first held now or half a TTL ago. Returns what the record should remember.
   */
  renewUploads(
    sessionId: string,
    held: string[],
    written: Record<string, number>,
  ): Promise<Record<string, number>>;
  /** Removes expired media and uploads (stores without native expiry). */
  sweepExpired(): Promise<number>;
}

/** Options of {@link createMediaStore}. */
export interface MediaStoreOptions {
  /** The key media ids are made with; without one, a key generated once is kept in the store. */
  secret?: string;
  /** The bytes a session's uploads may keep in the store at one time. Default 1 GB. */
  maxSessionUploadBytes?: number;
  /**
   * Where the bytes go (media, uploads, download payloads, frame batches: chunks and metas): a
   * bucket or a shared volume, apart from the sessions. Default: the session store itself. The
   * media key and the upload quotas stay in the session store.
   */
  bytes?: Storage;
  now?: () => number;
}

/**
 * The media store over the session store's unstorage instance, its bytes in `options.bytes`
 * when given (object storage).
 */
export function createMediaStore(
  storage: Storage,
  sessionTtlSeconds: number,
  options: MediaStoreOptions = {},
): MediaStore {
  const now = options.now ?? Date.now;
  const sessionStorage = storage;
  // Below, `storage` is where bytes live; the media key and the quotas use `sessionStorage`.
  storage = options.bytes ?? storage;
  const maxSessionUploadBytes = options.maxSessionUploadBytes ?? DEFAULT_MAX_SESSION_UPLOAD_BYTES;
  let idKey: Promise<MediaIdKey> | undefined;
  const loadIdKey = () => {
    idKey ??= loadMediaIdKey(sessionStorage, options.secret);
    // A store that failed once is asked again by the next run.
    idKey.catch(() => (idKey = undefined));
    return idKey;
  };
  const ledger = createUploadLedger(sessionStorage, now);
  const ttlSeconds = Math.ceil(sessionTtlSeconds * 1.5);
  // Chunks outlive their meta by a session TTL: renewals in between write the meta alone.
  const chunkTtlSeconds = ttlSeconds + Math.ceil(sessionTtlSeconds);
  const unheldTtlSeconds = Math.min(UNHELD_UPLOAD_SECONDS, ttlSeconds);
  // Room for the upload itself: its first chunks must outlive its meta's short life.
  const uploadChunkTtlSeconds = 3 * unheldTtlSeconds;
  const refreshAfterMs = (sessionTtlSeconds * 1000) / 2;
  const uploadKeys = (sessionId: string, fileId: string) =>
    blobKeys("upload", `${sessionId}:${fileId}`);
  const opened = (meta: BlobMeta, chunkPrefix: string): StoredBytes => ({
    meta,
    stream: (start, end) => streamBytes(storage, chunkPrefix, meta, start, end),
    read: (start, end) => readBytes(storage, chunkPrefix, meta, start, end),
  });
  const openUpload = async (sessionId: string, fileId: string) => {
    if (!/^[0-9a-f]{24}$/.test(fileId)) return undefined;
    const keys = uploadKeys(sessionId, fileId);
    const meta = await readMeta(storage, keys, now());
    return meta && opened(meta, keys.chunkPrefix);
  };

  /** Keeps an upload's meta `ttlSeconds` more, rewriting its chunks first if they would go sooner. */
  const renewUpload = async (sessionId: string, fileId: string) => {
    const keys = uploadKeys(sessionId, fileId);
    const meta = await readMeta(storage, keys, now());
    if (!meta) return undefined;
    const expiresAt = now() + ttlSeconds * 1000;
    let chunksExpireAt = meta.chunksExpireAt;
    if (chunksExpireAt < expiresAt) {
      chunksExpireAt = now() + chunkTtlSeconds * 1000;
      if (!(await rewriteChunks(storage, keys.chunkPrefix, meta.chunks, chunkTtlSeconds)))
        return undefined;
    }
    await storage.setItem(keys.meta, { ...meta, expiresAt, chunksExpireAt }, { ttl: ttlSeconds });
    return chunksExpireAt === meta.chunksExpireAt ? 0 : chunksExpireAt;
  };

  // Ids of sealed bytes (a table's Arrow batches, kept while their table lives): no rehashing.
  const sealedIds = new WeakMap<Uint8Array, { type: string; id: string }>();
  const idOf = async (bytes: Uint8Array, type: string, sealed: boolean | undefined) => {
    const known = sealed ? sealedIds.get(bytes) : undefined;
    if (known && known.type === type) return known.id;
    const id = await mediaId(await loadIdKey(), type, bytes);
    if (sealed) sealedIds.set(bytes, { type, id });
    return id;
  };

  /** Stores media's chunks and meta (see putMedia). */
  const putMediaBytes = async (
    bytes: Uint8Array,
    type: string,
    written: Record<string, number>,
    sealed: boolean | undefined,
  ): Promise<string> => {
    const id = await idOf(bytes, type, sealed);
    const last = written[id];
    if (last !== undefined && now() - last < refreshAfterMs) return id;
    const keys = blobKeys("media", id);
    const expiresAt = now() + ttlSeconds * 1000;
    const meta = await readMeta(storage, keys, now());
    if (meta && !meta.chunksOf && meta.chunksExpireAt >= expiresAt) {
      // Stored already, chunks and all: a new expiry on the meta is enough.
      await storage.setItem(keys.meta, { ...meta, expiresAt }, { ttl: ttlSeconds });
    } else {
      // The id is a keyed hash of this type and these bytes: whatever chunks are stored under
      // it already are exactly these, so writing them again changes nothing a reader sees.
      const writer = await createBlobWriter(storage, keys, chunkTtlSeconds, now);
      await writer.write(bytes);
      await writer.finish(
        { type, expiresAt, chunksExpireAt: now() + chunkTtlSeconds * 1000 },
        ttlSeconds,
      );
    }
    written[id] = now();
    return id;
  };

  const store: MediaStore = {
    async putMedia(bytes, type, written, sealed) {
      if (!options.bytes) return putMediaBytes(bytes, type, written, sealed);
      try {
        return await putMediaBytes(bytes, type, written, sealed);
      } catch (error) {
        throw mediaStorageError(error);
      }
    },
    adoptSealed(bytes, type, id) {
      sealedIds.set(bytes, { type, id });
    },
    async putUploadMedia(sessionId, fileId, type, written) {
      // Not the content's hash (that would mean reading it): the file's own name, under the
      // server's key. A file's bytes never change, so the id never changes meaning.
      const owner = `${sessionId}:${fileId}`;
      const id = await mediaId(
        await loadIdKey(),
        `\0upload ${type}`,
        new TextEncoder().encode(owner),
      );
      const last = written[id];
      if (last !== undefined && now() - last < refreshAfterMs) return id;
      let upload;
      try {
        upload = await readMeta(storage, uploadKeys(sessionId, fileId), now());
      } catch (error) {
        throw options.bytes ? mediaStorageError(error) : error;
      }
      if (!upload)
        throw new EdgelitApiError(
          "This uploaded file is no longer available: uploads expire with their session.",
        );
      const meta: BlobMeta = {
        type,
        size: upload.size,
        chunkBytes: upload.chunkBytes,
        chunks: upload.chunks,
        expiresAt: now() + ttlSeconds * 1000,
        chunksExpireAt: upload.chunksExpireAt,
        chunksOf: owner,
      };
      try {
        await storage.setItem(blobKeys("media", id).meta, meta, { ttl: ttlSeconds });
      } catch (error) {
        throw options.bytes ? mediaStorageError(error) : error;
      }
      written[id] = now();
      return id;
    },
    keepWritten(written) {
      const kept: Record<string, number> = {};
      for (const [id, at] of Object.entries(written))
        if (now() - at < ttlSeconds * 1000) kept[id] = at;
      return kept;
    },
    async openMedia(id) {
      if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
      const keys = blobKeys("media", id);
      const meta = await readMeta(storage, keys, now());
      if (!meta?.chunksOf) return meta && opened(meta, keys.chunkPrefix);
      // Shown from an upload: served while the upload itself is kept.
      const source = blobKeys("upload", meta.chunksOf);
      return (await readMeta(storage, source, now()))
        ? opened(meta, source.chunkPrefix)
        : undefined;
    },
    async getMedia(id) {
      const media = await store.openMedia(id);
      const bytes = await media?.read();
      return media && bytes && { meta: media.meta, bytes };
    },
    async beginUpload(sessionId, declaredBytes) {
      const batchId = `upload-${randomId(8)}`;
      await ledger.reserve(
        sessionId,
        batchId,
        declaredBytes,
        now() + uploadChunkTtlSeconds * 1000,
        maxSessionUploadBytes,
      );
      return createUploadBatch(storage, ledger, {
        sessionId,
        batchId,
        chunkTtlSeconds: uploadChunkTtlSeconds,
        unheldTtlSeconds,
        now,
      });
    },
    async putUpload(sessionId, widgetId, file) {
      const batch = await store.beginUpload(sessionId, file.bytes.length);
      try {
        const writer = await batch.file(widgetId);
        await writer.write(file.bytes);
        const ref = await writer.finish(file);
        await batch.commit();
        return ref;
      } catch (error) {
        await batch.abort();
        throw error;
      }
    },
    async getUploadRef(sessionId, widgetId, fileId) {
      const meta = (await openUpload(sessionId, fileId))?.meta;
      if (!meta || meta.widgetId !== widgetId) return undefined;
      return { id: fileId, name: meta.name ?? "file", size: meta.size, type: meta.type };
    },
    openUpload,
    async getUploadBytes(sessionId, fileId) {
      return (await openUpload(sessionId, fileId))?.read();
    },
    async renewUploads(sessionId, held, written) {
      const kept: Record<string, number> = {};
      const extended: Record<string, number> = {};
      for (const fileId of held) {
        const last = written[fileId];
        // Renewed already, less than half a TTL ago. A file first held now is renewed: it
        // leaves the short life of files no event has used.
        if (last !== undefined && now() - last < refreshAfterMs) {
          kept[fileId] = last;
          continue;
        }
        const chunksExpireAt = await renewUpload(sessionId, fileId);
        if (chunksExpireAt === undefined) continue;
        if (chunksExpireAt) extended[fileId] = chunksExpireAt;
        kept[fileId] = now();
      }
      if (Object.keys(extended).length > 0) await ledger.extend(sessionId, extended);
      return kept;
    },
    async sweepExpired() {
      const removed =
        (await sweepBlobs(storage, "media", now())) + (await sweepBlobs(storage, "upload", now()));
      // Uploads under way are counted by their reservation until it expires.
      await ledger.sweep(
        async (sessionId, id) =>
          !id.startsWith("upload-") && !(await storage.hasItem(uploadKeys(sessionId, id).meta)),
      );
      return removed;
    },
  };
  return store;
}
