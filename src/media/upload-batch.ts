import type { Storage } from "unstorage";
import type { UploadedFileRef } from "../protocol/index.ts";
import {
  blobKeys,
  CHUNK_BYTES,
  createBlobWriter,
  rewriteChunks,
  type BlobMeta,
} from "./blob-store.ts";
import { randomId } from "./random-id.ts";
import type { createUploadLedger } from "./upload-quota.ts";

/** One file of an upload, written chunk by chunk as it arrives. */
export interface UploadFileWriter {
  readonly fileId: string;
  readonly size: number;
  write(bytes: Uint8Array): Promise<void>;
  finish(file: { name: string; type: string }): Promise<UploadedFileRef>;
}

/** The files of one upload request: counted against the session's quota, stored whole or not at all. */
export interface UploadBatch {
  file(widgetId: string): Promise<UploadFileWriter>;
  /** Keeps the finished files and counts their real sizes. */
  commit(): Promise<void>;
  /** Removes every chunk and file of the batch (a refused or broken upload). */
  abort(): Promise<void>;
}

/** What a batch needs to know: whose it is, its reservation, and how long its files and chunks live. */
export interface UploadBatchOptions {
  sessionId: string;
  /** Its reservation in the session's ledger, made before the first byte was read. */
  batchId: string;
  chunkTtlSeconds: number;
  unheldTtlSeconds: number;
  now: () => number;
}

/**
 * The files of one upload. Each file's chunks are written as they arrive,
 * with a TTL long enough for the upload itself; its meta, written last, gives
 * it the short life of a file no event has held yet.
 */
export function createUploadBatch(
  storage: Storage,
  ledger: ReturnType<typeof createUploadLedger>,
  options: UploadBatchOptions,
): UploadBatch {
  const { sessionId, batchId, chunkTtlSeconds, unheldTtlSeconds, now } = options;
  const startedAt = now();
  const files: { fileId: string; abort(): Promise<void>; finished?: BlobMeta }[] = [];
  return {
    async file(widgetId) {
      const fileId = randomId(12);
      const keys = blobKeys("upload", `${sessionId}:${fileId}`);
      const writer = await createBlobWriter(storage, keys, chunkTtlSeconds, now);
      const entry: (typeof files)[number] = {
        fileId,
        async abort() {
          await writer.abort();
          await storage.removeItem(keys.meta);
        },
      };
      files.push(entry);
      return {
        fileId,
        get size() {
          return writer.size;
        },
        write: (bytes) => writer.write(bytes),
        async finish(file) {
          let chunksExpireAt = startedAt + chunkTtlSeconds * 1000;
          const expiresAt = now() + unheldTtlSeconds * 1000;
          // A slow upload: its first chunks would go before the file does.
          if (chunksExpireAt < expiresAt) {
            // The chunks written so far; the last, partial one is written by `finish`.
            const chunks = Math.floor(writer.size / CHUNK_BYTES);
            chunksExpireAt = now() + chunkTtlSeconds * 1000;
            await rewriteChunks(storage, keys.chunkPrefix, chunks, chunkTtlSeconds);
          }
          entry.finished = await writer.finish(
            { type: file.type, name: file.name, widgetId, expiresAt, chunksExpireAt },
            unheldTtlSeconds,
          );
          return { id: fileId, name: file.name, size: writer.size, type: file.type };
        },
      };
    },
    async commit() {
      const stored: Record<string, { bytes: number; until: number }> = {};
      for (const { fileId, finished } of files)
        if (finished) stored[fileId] = { bytes: finished.size, until: finished.chunksExpireAt };
      await ledger.settle(sessionId, batchId, stored);
    },
    async abort() {
      for (const file of files) await file.abort();
      await ledger.settle(sessionId, batchId, {});
    },
  };
}
