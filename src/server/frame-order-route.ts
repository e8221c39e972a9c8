import { tableFromIPC } from "apache-arrow";
import type { Storage } from "unstorage";
import { FastResponse } from "srvx";
import { ARROW_STREAM_TYPE } from "../protocol/index.ts";
import {
  ROW_ORDER_TYPE,
  sortedOrder,
  type FrameOrderAnswer,
  type FrameOrderRequest,
} from "../protocol/row-order.ts";
import type { MediaStore } from "../media/media-store.ts";
import { errorResponse } from "./errors.ts";
import { storeErrorMessage, type ServerLog } from "./server-log.ts";

/** The most rows the server sorts for a page (past them the grid sorts nothing). */
export const MAX_ORDER_ROWS = 20_000_000;
const MAX_BATCHES = 4096;
const MAX_BODY_BYTES = 256 * 1024;
const MEDIA_ID = /^[0-9a-f]{32}$/;

/**
 * `POST /_edgelit/frame-order`: the sorted row order of a stored frame too
 * large for the page to load whole, computed from the batches in the store
 * (any replica answers) and kept as media under a key of the frame's batches,
 * the column and the direction, so the same sort is computed once per TTL.
 * It needs no session: the batch ids are unguessable content ids, and the
 * answer holds only row positions.
 */
export async function frameOrderRoute(
  request: Request,
  store: { storage: Storage; media: MediaStore; ttlSeconds: number },
  log: ServerLog,
): Promise<Response> {
  const asked = await readRequest(request);
  if (typeof asked === "string") return errorResponse("bad_request", asked);
  const cacheKey = `edgelit:frame-order:${await digest(JSON.stringify(asked))}`;
  try {
    const known = await store.storage.getItem<FrameOrderAnswer>(cacheKey);
    if (known && (await store.media.openMedia(known.order))) return answer(known);
    const values: unknown[] = [];
    for (const id of asked.batches) {
      const stored = await store.media.getMedia(id);
      if (!stored || stored.meta.type !== ARROW_STREAM_TYPE)
        return errorResponse(
          "not_found",
          "A batch of this frame is not stored (it may have expired).",
        );
      const table = tableFromIPC(stored.bytes);
      const column = table.getChild(asked.column);
      if (!column)
        return errorResponse("bad_request", `The frame has no column "${asked.column}".`);
      if (values.length + column.length > MAX_ORDER_ROWS)
        return errorResponse(
          "payload_too_large",
          `Frames past ${MAX_ORDER_ROWS} rows are not sorted.`,
        );
      for (let row = 0; row < column.length; row++) values.push(column.get(row));
    }
    const order = sortedOrder(
      values.length,
      { column: 0, descending: asked.descending },
      (row) => values[row],
    );
    const bytes = new Uint8Array(order.buffer, order.byteOffset, order.byteLength);
    const id = await store.media.putMedia(bytes, ROW_ORDER_TYPE, {});
    const made: FrameOrderAnswer = { order: id, rows: order.length };
    await store.storage.setItem(cacheKey, made, { ttl: store.ttlSeconds });
    return answer(made);
  } catch (error) {
    log.error(`[edgelit] store error while sorting a frame: ${storeErrorMessage(error)}`);
    return errorResponse("store_unavailable", "The store is unavailable.");
  }
}

// --- Internal helpers ---

async function readRequest(request: Request): Promise<FrameOrderRequest | string> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return "The request is too large.";
  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return "The request is too large.";
    body = JSON.parse(text);
  } catch {
    return "The request is not JSON.";
  }
  const { batches, column, descending } = (body ?? {}) as Partial<FrameOrderRequest>;
  if (
    !Array.isArray(batches) ||
    batches.length === 0 ||
    batches.length > MAX_BATCHES ||
    !batches.every((id) => typeof id === "string" && MEDIA_ID.test(id))
  )
    return `batches: 1 to ${MAX_BATCHES} media ids.`;
  if (typeof column !== "string" || column.length > 1000) return "column: a column name.";
  if (typeof descending !== "boolean") return "descending: true or false.";
  return { batches, column, descending };
}

function answer(body: FrameOrderAnswer): Response {
  return new FastResponse(JSON.stringify(body), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

async function digest(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
