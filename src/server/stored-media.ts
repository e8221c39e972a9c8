import type { MediaStore, StoredBytes } from "../media/media-store.ts";
import { errorResponse } from "./errors.ts";
import { storeErrorLine, type ServerLog } from "./server-log.ts";

const MEDIA_ID = /^[0-9a-f]{32}$/;

/**
 * Opens the stored bytes under `mediaId` for a route that serves them (media, frames, component
 * modules): the bytes, or the answer to send instead: 404 for an id that is malformed, unknown,
 * or of another type than `type` requires; 503 (logged once) when the store fails. `what` names
 * them in the log and the 404 ("media", "frame", ...).
 */
export async function openStoredMedia(
  mediaId: string,
  media: MediaStore,
  log: ServerLog,
  what: string,
  type?: string,
): Promise<StoredBytes | Response> {
  let entry;
  try {
    entry = MEDIA_ID.test(mediaId) ? await media.openMedia(mediaId) : undefined;
  } catch (error) {
    log.error(
      `[edgelit] store error while reading ${what} ${mediaId.slice(0, 8)}: ${storeErrorLine(error)}`,
    );
    return errorResponse("store_unavailable", "The media store is unavailable.");
  }
  if (!entry || (type !== undefined && entry.meta.type !== type))
    return errorResponse(
      "not_found",
      `No ${what} with this id: it may have expired with its session.`,
    );
  return entry;
}
