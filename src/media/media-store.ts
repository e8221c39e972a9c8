import type { Storage } from "unstorage";
import type { UploadedFileRef } from "../protocol/index.ts";
import { getBlob, putBlob, sweepBlobs, type BlobMeta } from "./blob-store.ts";
import { randomId } from "./random-id.ts";
import { loadMediaIdKey, mediaId, type MediaIdKey } from "./media-id.ts";

const MEDIA_PREFIX = "edgelit:media";
const UPLOAD_PREFIX = "edgelit:upload";

/**
 * Media and uploads in the session store. Both live 1.5 session TTLs and are
 * rewritten when half a TTL old while a session uses them (media a run
 * shows, files its widgets hold), so they outlive the last event that showed
 * them but never grow the store without bound.
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
   */
  putMedia(bytes: Uint8Array, type: string, written: Record<string, number>): Promise<string>;
  /** The entries of `written` that have not expired: what the session record keeps. */
  keepWritten(written: Record<string, number>): Record<string, number>;
  getMedia(mediaId: string): Promise<{ meta: BlobMeta; bytes: Uint8Array } | undefined>;
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
  getUploadBytes(sessionId: string, fileId: string): Promise<Uint8Array | undefined>;
  /**
   * Keeps the files the session's widgets hold alive as long as the session:
   * rewrites those half a TTL old. Returns what the record should remember.
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
  now?: () => number;
}

/** The media store over the session store's unstorage instance. */
export function createMediaStore(
  storage: Storage,
  sessionTtlSeconds: number,
  options: MediaStoreOptions = {},
): MediaStore {
  const now = options.now ?? Date.now;
  let idKey: Promise<MediaIdKey> | undefined;
  const loadIdKey = () => {
    idKey ??= loadMediaIdKey(storage, options.secret);
    // A store that failed once is asked again by the next run.
    idKey.catch(() => (idKey = undefined));
    return idKey;
  };
  const ttlSeconds = Math.ceil(sessionTtlSeconds * 1.5);
  const refreshAfterMs = (sessionTtlSeconds * 1000) / 2;
  const expiresAt = () => now() + ttlSeconds * 1000;
  const uploadKey = (sessionId: string, fileId: string) =>
    `${UPLOAD_PREFIX}:${sessionId}:${fileId}`;

  return {
    async putMedia(bytes, type, written) {
      const id = await mediaId(await loadIdKey(), type, bytes);
      const last = written[id];
      if (last !== undefined && now() - last < refreshAfterMs) return id;
      // The id is a keyed hash of this type and these bytes: whatever is stored under it
      // already is exactly this, so writing it again only renews its expiry.
      await putBlob(
        storage,
        `${MEDIA_PREFIX}:${id}`,
        { type, expiresAt: expiresAt() },
        bytes,
        ttlSeconds,
      );
      written[id] = now();
      return id;
    },
    keepWritten(written) {
      const kept: Record<string, number> = {};
      for (const [id, at] of Object.entries(written))
        if (now() - at < ttlSeconds * 1000) kept[id] = at;
      return kept;
    },
    getMedia: (mediaId) => getBlob(storage, `${MEDIA_PREFIX}:${mediaId}`, now()),
    async putUpload(sessionId, widgetId, file) {
      const id = randomId(12);
      const meta = { type: file.type, name: file.name, widgetId, expiresAt: expiresAt() };
      await putBlob(storage, uploadKey(sessionId, id), meta, file.bytes, ttlSeconds);
      await storage.setItem(
        `${uploadKey(sessionId, id)}-ref`,
        { ...meta, size: file.bytes.length },
        { ttl: ttlSeconds },
      );
      return { id, name: file.name, size: file.bytes.length, type: file.type };
    },
    async getUploadRef(sessionId, widgetId, fileId) {
      if (!/^[0-9a-f]{24}$/.test(fileId)) return undefined;
      const ref = (await storage.getItem(`${uploadKey(sessionId, fileId)}-ref`)) as
        | (BlobMeta & { size: number })
        | null;
      if (!ref || ref.widgetId !== widgetId || ref.expiresAt < now()) return undefined;
      return { id: fileId, name: ref.name ?? "file", size: ref.size, type: ref.type };
    },
    async getUploadBytes(sessionId, fileId) {
      return (await getBlob(storage, uploadKey(sessionId, fileId), now()))?.bytes;
    },
    async renewUploads(sessionId, held, written) {
      const kept: Record<string, number> = {};
      for (const fileId of held) {
        const last = written[fileId];
        // First seen: it was uploaded just before the event that holds it.
        if (last === undefined || now() - last < refreshAfterMs) {
          kept[fileId] = last ?? now();
          continue;
        }
        const key = uploadKey(sessionId, fileId);
        const [blob, ref] = await Promise.all([
          getBlob(storage, key, now()),
          storage.getItem(`${key}-ref`) as Promise<(BlobMeta & { size: number }) | null>,
        ]);
        if (!blob || !ref) continue;
        await putBlob(
          storage,
          key,
          { ...blob.meta, expiresAt: expiresAt() },
          blob.bytes,
          ttlSeconds,
        );
        await storage.setItem(
          `${key}-ref`,
          { ...ref, expiresAt: expiresAt() },
          { ttl: ttlSeconds },
        );
        kept[fileId] = now();
      }
      return kept;
    },
    async sweepExpired() {
      let removed = await sweepBlobs(storage, MEDIA_PREFIX, now());
      for (const key of await storage.getKeys(UPLOAD_PREFIX)) {
        if (key.endsWith("-ref")) continue;
        if (!(await getBlob(storage, key, now()).catch(() => undefined))) {
          await storage.removeItem(key);
          await storage.removeItem(`${key}-ref`);
          removed++;
        }
      }
      return removed;
    },
  };
}
